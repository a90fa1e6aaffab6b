package io.esledger.analytics.search;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * The weekday × hour matrix, folded from an hourly histogram in the same zone (the embedded node
 * has no scripts, so Elasticsearch cannot bucket by weekday itself). Row 0 is Monday.
 */
final class WeekdayHours {

  private WeekdayHours() {}

  static long[][] of(List<DateBucket> hourly, ZoneId zone) {
    long[][] matrix = new long[7][24];
    for (DateBucket hour : hourly) {
      ZonedDateTime local = hour.date().atZone(zone);
      // both 02:00 hours of a DST fall-back day land in the same cell: the matrix still sums to the total
      matrix[local.getDayOfWeek().getValue() - 1][local.getHour()] += hour.count();
    }
    return matrix;
  }
}
