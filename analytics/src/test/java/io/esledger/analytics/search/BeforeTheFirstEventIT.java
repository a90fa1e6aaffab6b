package io.esledger.analytics.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Queries before anything was ever appended find an empty index, not an error. */
class BeforeTheFirstEventIT extends SearchNodeSupport {

  private static final Instant FROM = Instant.parse("2026-03-02T00:00:00Z");
  private static final Instant TO = Instant.parse("2026-03-02T23:59:59Z");

  @Test
  void a_search_finds_nothing_and_says_so_exactly() {
    EventPage page = search.search(ALL, EventFilter.none(), PageRequest.first());

    assertThat(page.total()).isZero();
    assertThat(page.totalIsExact()).isTrue();
    assertThat(page.items()).isEmpty();
  }

  @Test
  void analytics_answer_with_empty_buckets() {
    assertThat(search.statistics(ALL, "PaymentProcessed", FROM, TO, null).byHour()).hasSize(24);
    assertThat(search.trends(ALL, "PaymentProcessed", FROM, TO, TimeInterval.DAY, null))
        .containsExactly(new DateBucket(FROM, 0));
    assertThat(search.heatmap(ALL, "PaymentProcessed", FROM, TO, null).weekdayHour()[0]).containsOnly(0L);
  }

  @Test
  void lists_are_empty() {
    assertThat(search.byType(ALL, "PaymentProcessed", null, null)).isEmpty();
    assertThat(search.searchData(ALL, "anything", null)).isEmpty();
    assertThat(search.correlations(ALL, "corr-1")).isEmpty();
  }
}
