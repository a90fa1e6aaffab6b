package io.esledger.analytics.search;

import static io.esledger.analytics.search.Given.event;
import static io.esledger.analytics.search.KnownEvents.MARCH_END;
import static io.esledger.analytics.search.KnownEvents.MARCH_START;
import static io.esledger.analytics.search.KnownEvents.PROCESSED;
import static io.esledger.analytics.search.KnownEvents.REFUNDED;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatisticsIT extends SearchNodeSupport {

  @Test
  void a_known_month_is_counted_exactly_per_hour_organization_and_user() throws Exception {
    KnownEvents.appendTo(this);
    refresh();

    EventStatistics march = search.statistics(ALL, PROCESSED, MARCH_START, MARCH_END, ZoneOffset.UTC);

    assertThat(march.total()).isEqualTo(6);
    assertThat(nonEmpty(march.byHour())).containsExactly(
        new DateBucket(Instant.parse("2026-03-02T10:00:00Z"), 3),
        new DateBucket(Instant.parse("2026-03-02T11:00:00Z"), 1),
        new DateBucket(Instant.parse("2026-03-03T23:00:00Z"), 1),
        new DateBucket(Instant.parse("2026-03-08T12:00:00Z"), 1));
    assertThat(march.byOrganization()).containsExactly(
        new TermBucket("org-a", 3), new TermBucket("org-b", 2), new TermBucket("org-c", 1));
    assertThat(march.byUser()).containsExactly(
        new TermBucket("user-1", 3), new TermBucket("user-3", 2), new TermBucket("user-2", 1));
  }

  @Test
  void every_hour_of_the_range_is_listed_even_without_events() throws Exception {
    KnownEvents.appendTo(this);
    refresh();

    EventStatistics march = search.statistics(ALL, PROCESSED, MARCH_START, MARCH_END, ZoneOffset.UTC);

    assertThat(march.byHour()).hasSize(31 * 24);
    assertThat(march.byHour().get(0).date()).isEqualTo(MARCH_START);
    assertThat(march.byHour().get(31 * 24 - 1).date()).isEqualTo("2026-03-31T23:00:00Z");
    assertThat(march.byHour().stream().mapToLong(DateBucket::count).sum()).isEqualTo(march.total());
  }

  @Test
  void both_ends_of_the_range_are_inclusive() throws Exception {
    KnownEvents.appendTo(this);
    refresh();
    Instant first = Instant.parse("2026-03-02T10:15:00Z");
    Instant last = Instant.parse("2026-03-02T11:00:00Z");

    assertThat(search.statistics(ALL, PROCESSED, first, last, null).total()).isEqualTo(4);
    assertThat(search.statistics(ALL, PROCESSED, first.plusMillis(1), last.minusMillis(1), null).total()).isEqualTo(2);
  }

  @Test
  void other_event_types_are_not_counted() throws Exception {
    KnownEvents.appendTo(this);
    refresh();

    EventStatistics refunds = search.statistics(ALL, REFUNDED, MARCH_START, MARCH_END, null);

    assertThat(refunds.total()).isEqualTo(1);
    assertThat(refunds.byOrganization()).containsExactly(new TermBucket("org-a", 1));
    assertThat(nonEmpty(refunds.byHour())).containsExactly(new DateBucket(Instant.parse("2026-03-02T10:00:00Z"), 1));
  }

  @Test
  void hours_follow_the_requested_zone_even_a_half_hour_one() throws Exception {
    KnownEvents.appendTo(this);
    refresh();

    EventStatistics inKolkata = search.statistics(ALL, PROCESSED, Instant.parse("2026-03-02T00:00:00Z"),
        Instant.parse("2026-03-02T23:59:59Z"), ZoneId.of("Asia/Kolkata"));

    // 10:15Z is 15:45 in Kolkata (hour 15:00 = 09:30Z); 10:40Z, 10:59Z and 11:00Z fall in 16:00 = 10:30Z
    assertThat(nonEmpty(inKolkata.byHour())).containsExactly(
        new DateBucket(Instant.parse("2026-03-02T09:30:00Z"), 1),
        new DateBucket(Instant.parse("2026-03-02T10:30:00Z"), 3));
  }

  @Test
  void the_top_ten_organizations_are_listed_most_events_first_ties_by_name() throws Exception {
    for (int i = 11; i >= 0; i--) {
      given("Payment", "p-" + i, event(PROCESSED, "2026-03-02T10:00:00Z").by("org-%02d".formatted(i), "user-1"));
    }
    given("Payment", "p-11", event(PROCESSED, "2026-03-02T10:30:00Z").by("org-11", "user-1"));
    refresh();

    EventStatistics statistics = search.statistics(ALL, PROCESSED, MARCH_START, MARCH_END, null);

    assertThat(statistics.total()).isEqualTo(13);
    assertThat(statistics.byOrganization()).hasSize(10).first().isEqualTo(new TermBucket("org-11", 2));
    assertThat(statistics.byOrganization()).extracting(TermBucket::key).containsExactly(
        "org-11", "org-00", "org-01", "org-02", "org-03", "org-04", "org-05", "org-06", "org-07", "org-08");
    assertThat(statistics.byUser()).containsExactly(new TermBucket("user-1", 13));
  }

  @Test
  void a_range_without_events_has_a_zero_total_and_empty_hours() throws Exception {
    KnownEvents.appendTo(this);
    refresh();

    EventStatistics may = search.statistics(ALL, PROCESSED, Instant.parse("2026-05-01T00:00:00Z"),
        Instant.parse("2026-05-01T23:59:59Z"), null);

    assertThat(may.total()).isZero();
    assertThat(may.byHour()).hasSize(24).allSatisfy(hour -> assertThat(hour.count()).isZero());
    assertThat(may.byOrganization()).isEmpty();
    assertThat(may.byUser()).isEmpty();
  }

  private static List<DateBucket> nonEmpty(List<DateBucket> buckets) {
    return buckets.stream().filter(b -> b.count() > 0).toList();
  }
}
