package io.esledger.analytics.search;

import java.util.List;

/**
 * When events happen: per hour and per day of the range (empty ones included), and a 7×24 matrix
 * {@code weekdayHour[weekday][hour]} with row 0 = Monday (ISO) and hours in the requested zone.
 * Each of the three adds up to the number of events in the range.
 */
public record EventHeatmap(List<DateBucket> byHour, List<DateBucket> byDay, long[][] weekdayHour) {

  public EventHeatmap {
    byHour = List.copyOf(byHour);
    byDay = List.copyOf(byDay);
  }
}
