package io.esledger.analytics.search;

import static io.esledger.analytics.search.KnownEvents.BERLIN;
import static io.esledger.analytics.search.KnownEvents.PROCESSED;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TrendsIT extends SearchNodeSupport {

  @BeforeEach
  void knownEvents() throws Exception {
    KnownEvents.appendTo(this);
    refresh();
  }

  @Test
  void hourly_trends_list_every_hour_of_the_range() {
    assertThat(trend(TimeInterval.HOUR, "2026-03-02T09:00:00Z", "2026-03-02T12:59:59Z")).containsExactly(
        bucket("2026-03-02T09:00:00Z", 0),
        bucket("2026-03-02T10:00:00Z", 3),
        bucket("2026-03-02T11:00:00Z", 1),
        bucket("2026-03-02T12:00:00Z", 0));
  }

  @Test
  void daily_trends_list_every_day_of_the_range() {
    assertThat(trend(TimeInterval.DAY, "2026-03-01T00:00:00Z", "2026-03-04T23:59:59.999Z")).containsExactly(
        bucket("2026-03-01T00:00:00Z", 0),
        bucket("2026-03-02T00:00:00Z", 4),
        bucket("2026-03-03T00:00:00Z", 1),
        bucket("2026-03-04T00:00:00Z", 0));
  }

  @Test
  void weekly_trends_start_their_weeks_on_monday() {
    assertThat(trend(TimeInterval.WEEK, "2026-02-23T00:00:00Z", "2026-03-15T23:59:59Z")).containsExactly(
        bucket("2026-02-23T00:00:00Z", 1),
        bucket("2026-03-02T00:00:00Z", 6),
        bucket("2026-03-09T00:00:00Z", 0));
  }

  @Test
  void monthly_trends_list_empty_months_at_both_ends() {
    assertThat(trend(TimeInterval.MONTH, "2026-01-01T00:00:00Z", "2026-06-30T23:59:59Z")).containsExactly(
        bucket("2026-01-01T00:00:00Z", 0),
        bucket("2026-02-01T00:00:00Z", 1),
        bucket("2026-03-01T00:00:00Z", 6),
        bucket("2026-04-01T00:00:00Z", 1),
        bucket("2026-05-01T00:00:00Z", 0),
        bucket("2026-06-01T00:00:00Z", 0));
  }

  @Test
  void days_in_berlin_start_at_local_midnight_so_a_late_utc_event_moves_to_the_next_day() {
    List<DateBucket> berlinDays = search.trends(ALL, PROCESSED, Instant.parse("2026-03-01T23:00:00Z"),
        Instant.parse("2026-03-04T22:59:59Z"), TimeInterval.DAY, BERLIN);

    assertThat(berlinDays).containsExactly(
        bucket("2026-03-01T23:00:00Z", 4),
        bucket("2026-03-02T23:00:00Z", 0),
        bucket("2026-03-03T23:00:00Z", 1));
  }

  @Test
  void a_range_without_events_is_all_empty_buckets() {
    assertThat(trend(TimeInterval.DAY, "2026-05-01T00:00:00Z", "2026-05-03T12:00:00Z")).containsExactly(
        bucket("2026-05-01T00:00:00Z", 0),
        bucket("2026-05-02T00:00:00Z", 0),
        bucket("2026-05-03T00:00:00Z", 0));
  }

  @Test
  void the_bucket_count_checked_in_advance_is_the_count_elasticsearch_returns() {
    Instant from = Instant.parse("2026-03-20T06:30:00Z"); // across Berlin's spring-forward and a month end
    Instant to = Instant.parse("2026-04-03T18:00:00Z");

    for (TimeInterval interval : TimeInterval.values()) {
      assertThat(search.trends(ALL, PROCESSED, from, to, interval, BERLIN)).as("%s buckets", interval)
          .hasSize((int) interval.buckets(from, to, BERLIN));
    }
  }

  private List<DateBucket> trend(TimeInterval interval, String from, String to) {
    return search.trends(ALL, PROCESSED, Instant.parse(from), Instant.parse(to), interval, ZoneOffset.UTC);
  }

  private static DateBucket bucket(String date, long count) {
    return new DateBucket(Instant.parse(date), count);
  }
}
