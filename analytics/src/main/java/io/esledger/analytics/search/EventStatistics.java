package io.esledger.analytics.search;

import java.util.List;

/**
 * Events of one type in a range: the exact total, every hour of the range (empty hours included),
 * and the {@link QueryLimits#TOP_TERMS} organizations and users with the most events (ties by name).
 */
public record EventStatistics(
    long total, List<DateBucket> byHour, List<TermBucket> byOrganization, List<TermBucket> byUser) {

  public EventStatistics {
    byHour = List.copyOf(byHour);
    byOrganization = List.copyOf(byOrganization);
    byUser = List.copyOf(byUser);
  }
}
