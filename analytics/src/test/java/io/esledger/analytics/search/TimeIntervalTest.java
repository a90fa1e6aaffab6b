package io.esledger.analytics.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimeIntervalTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @Test
  void an_inclusive_range_counts_the_buckets_it_touches() {
    Instant from = Instant.parse("2026-03-02T09:30:00Z");
    Instant to = Instant.parse("2026-03-02T12:00:00Z");

    assertThat(TimeInterval.HOUR.buckets(from, to, ZoneOffset.UTC)).isEqualTo(4);
    assertThat(TimeInterval.DAY.buckets(from, to, ZoneOffset.UTC)).isEqualTo(1);
  }

  @Test
  void weeks_start_on_monday_and_months_on_the_first() {
    Instant sunday = Instant.parse("2026-03-01T12:00:00Z");
    Instant monday = Instant.parse("2026-03-02T00:00:00Z");

    assertThat(TimeInterval.WEEK.buckets(sunday, monday, ZoneOffset.UTC)).isEqualTo(2);
    assertThat(TimeInterval.MONTH.buckets(Instant.parse("2026-01-31T23:00:00Z"), sunday, ZoneOffset.UTC))
        .isEqualTo(3);
  }

  @Test
  void days_are_counted_in_the_requested_zone() {
    Instant lateMonday = Instant.parse("2026-03-02T23:30:00Z");

    assertThat(TimeInterval.DAY.buckets(lateMonday, lateMonday, ZoneOffset.UTC)).isEqualTo(1);
    assertThat(TimeInterval.DAY.start(lateMonday, BERLIN).toInstant()).isEqualTo("2026-03-02T23:00:00Z");
  }

  @Test
  void a_day_with_a_daylight_saving_change_has_23_hours() {
    Instant from = Instant.parse("2026-03-28T23:00:00Z");
    Instant to = Instant.parse("2026-03-29T21:59:59Z");

    assertThat(TimeInterval.HOUR.buckets(from, to, BERLIN)).isEqualTo(23);
  }

  @Test
  void ten_years_hourly_is_far_more_than_the_bucket_limit_and_ten_years_monthly_is_not() {
    Instant from = Instant.parse("2016-01-01T00:00:00Z");
    Instant to = Instant.parse("2025-12-31T23:59:59Z");

    assertThat(TimeInterval.HOUR.buckets(from, to, ZoneOffset.UTC)).isEqualTo(3_653 * 24);
    assertThat(TimeInterval.MONTH.buckets(from, to, ZoneOffset.UTC)).isEqualTo(120);
  }
}
