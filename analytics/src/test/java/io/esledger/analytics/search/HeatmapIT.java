package io.esledger.analytics.search;

import static io.esledger.analytics.search.Given.event;
import static io.esledger.analytics.search.KnownEvents.BERLIN;
import static io.esledger.analytics.search.KnownEvents.MARCH_END;
import static io.esledger.analytics.search.KnownEvents.MARCH_START;
import static io.esledger.analytics.search.KnownEvents.PROCESSED;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeatmapIT extends SearchNodeSupport {

  private static final int MONDAY = 0;
  private static final int TUESDAY = 1;
  private static final int WEDNESDAY = 2;
  private static final int SUNDAY = 6;

  @Test
  void in_utc_each_event_lands_in_its_weekday_and_hour() throws Exception {
    KnownEvents.appendTo(this);
    refresh();

    EventHeatmap march = search.heatmap(ALL, PROCESSED, MARCH_START, MARCH_END, ZoneOffset.UTC);

    long[][] expected = new long[7][24];
    expected[MONDAY][10] = 3;
    expected[MONDAY][11] = 1;
    expected[TUESDAY][23] = 1;
    expected[SUNDAY][12] = 1;
    assertThat(march.weekdayHour()).isDeepEqualTo(expected);
    assertThat(march.byDay()).hasSize(31).contains(new DateBucket(Instant.parse("2026-03-02T00:00:00Z"), 4));
    assertThat(march.byHour()).hasSize(31 * 24);
  }

  @Test
  void in_berlin_the_hours_shift_and_a_late_tuesday_becomes_an_early_wednesday() throws Exception {
    KnownEvents.appendTo(this);
    refresh();
    Instant berlinMarchStart = Instant.parse("2026-02-28T23:00:00Z");
    Instant berlinMarchEnd = Instant.parse("2026-03-31T21:59:59.999Z");

    EventHeatmap march = search.heatmap(ALL, PROCESSED, berlinMarchStart, berlinMarchEnd, BERLIN);

    long[][] expected = new long[7][24];
    expected[MONDAY][11] = 3;
    expected[MONDAY][12] = 1;
    expected[WEDNESDAY][0] = 1;
    expected[SUNDAY][13] = 1;
    assertThat(march.weekdayHour()).isDeepEqualTo(expected);
    assertThat(nonEmpty(march.byDay())).containsExactly(
        new DateBucket(Instant.parse("2026-03-01T23:00:00Z"), 4),
        new DateBucket(Instant.parse("2026-03-03T23:00:00Z"), 1),
        new DateBucket(Instant.parse("2026-03-07T23:00:00Z"), 1));
    assertThat(march.byDay()).hasSize(31);
    assertThat(march.byHour()).as("March in Berlin loses an hour on the 29th").hasSize(31 * 24 - 1);
  }

  @Test
  void hours_days_and_the_matrix_each_add_up_to_the_total_across_a_daylight_saving_change() throws Exception {
    // 200 events every 97 minutes from 1 March: across New York's spring-forward on 8 March
    Instant first = Instant.parse("2026-03-01T00:07:00Z");
    for (int i = 0; i < 200; i++) {
      given("Payment", "p-" + i, event(PROCESSED, first.plus(Duration.ofMinutes(97L * i)).toString()));
    }
    refresh();
    ZoneId newYork = ZoneId.of("America/New_York");
    Instant from = Instant.parse("2026-03-01T00:00:00Z");
    Instant to = Instant.parse("2026-03-31T23:59:59Z");

    EventHeatmap heatmap = search.heatmap(ALL, PROCESSED, from, to, newYork);
    long total = search.statistics(ALL, PROCESSED, from, to, newYork).total();

    assertThat(total).isEqualTo(200);
    assertThat(sum(heatmap.byHour())).isEqualTo(total);
    assertThat(sum(heatmap.byDay())).isEqualTo(total);
    assertThat(Arrays.stream(heatmap.weekdayHour()).flatMapToLong(Arrays::stream).sum()).isEqualTo(total);
    assertThat(heatmap.weekdayHour()).hasDimensions(7, 24);
  }

  private static long sum(List<DateBucket> buckets) {
    return buckets.stream().mapToLong(DateBucket::count).sum();
  }

  private static List<DateBucket> nonEmpty(List<DateBucket> buckets) {
    return buckets.stream().filter(b -> b.count() > 0).toList();
  }
}
