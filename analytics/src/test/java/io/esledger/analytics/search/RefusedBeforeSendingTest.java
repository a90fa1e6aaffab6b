package io.esledger.analytics.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.esledger.application.eventstore.EventStoreUnavailableException;
import io.esledger.infrastructure.elasticsearch.ElasticsearchClients;
import io.esledger.infrastructure.elasticsearch.ElasticsearchSettings;
import io.esledger.infrastructure.eventstore.elasticsearch.EventIndex;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Refusals happen before anything is sent: the search points at a port nobody listens on, so a
 * query that got as far as Elasticsearch would fail as unavailable instead of refused.
 */
class RefusedBeforeSendingTest {

  private static final String ALL = null;

  private static final Instant FROM = Instant.parse("2026-03-01T00:00:00Z");

  private ElasticsearchClient client;
  private EventSearch search;

  @BeforeEach
  void pointAtNothing() {
    ElasticsearchSettings settings = ElasticsearchSettings.local("http://127.0.0.1:1", "nowhere-")
        .withTimeouts(Duration.ofMillis(500), Duration.ofMillis(500));
    client = ElasticsearchClients.create(settings);
    search = new EventSearch(client, new EventIndex(client, settings));
  }

  @AfterEach
  void close() throws IOException {
    client._transport().close();
  }

  @Test
  void a_query_that_passes_validation_does_reach_elasticsearch() {
    assertThatThrownBy(() -> search.correlations(ALL, "corr-1"))
        .isInstanceOf(EventStoreUnavailableException.class)
        .hasMessageContaining("unreachable");
  }

  @Test
  void hourly_trends_over_ten_years_are_refused() {
    assertRefused(() -> search.trends(ALL, "PaymentProcessed", FROM, FROM.plus(Duration.ofDays(3653)),
        TimeInterval.HOUR, ZoneOffset.UTC), "interval");
    assertThatThrownBy(() -> search.trends(ALL, "PaymentProcessed", FROM, FROM.plus(Duration.ofDays(3653)),
        TimeInterval.HOUR, ZoneOffset.UTC)).hasMessageStartingWith("the range holds 87673 HOUR buckets; at most 1000");
  }

  @Test
  void a_trend_may_have_a_thousand_buckets_but_not_one_more() {
    Instant thousandHoursLater = FROM.plus(Duration.ofHours(999));

    assertThatThrownBy(() -> search.trends(ALL, "PaymentProcessed", FROM, thousandHoursLater, TimeInterval.HOUR, null))
        .isInstanceOf(EventStoreUnavailableException.class);
    assertRefused(() -> search.trends(ALL, "PaymentProcessed", FROM, thousandHoursLater.plusSeconds(3600),
        TimeInterval.HOUR, null), "interval");
  }

  @Test
  void statistics_and_heatmaps_over_more_than_31_days_are_refused() {
    Instant tooLate = FROM.plus(Duration.ofDays(31)).plusMillis(1);

    assertRefused(() -> search.statistics(ALL, "PaymentProcessed", FROM, tooLate, null), "to");
    assertRefused(() -> search.heatmap(ALL, "PaymentProcessed", FROM, tooLate, null), "to");
    assertThatThrownBy(() -> search.heatmap(ALL, "PaymentProcessed", FROM, FROM.plus(Duration.ofDays(31)), null))
        .isInstanceOf(EventStoreUnavailableException.class);
  }

  @Test
  void from_after_to_is_refused_everywhere() {
    Instant before = FROM.minusSeconds(1);

    assertRefused(() -> search.byType(ALL, "PaymentProcessed", FROM, before), "from");
    assertRefused(() -> search.statistics(ALL, "PaymentProcessed", FROM, before, null), "from");
    assertRefused(() -> search.trends(ALL, "PaymentProcessed", FROM, before, TimeInterval.DAY, null), "from");
    assertRefused(() -> search.heatmap(ALL, "PaymentProcessed", FROM, before, null), "from");
  }

  @Test
  void analytics_need_both_ends_of_the_range() {
    assertRefused(() -> search.statistics(ALL, "PaymentProcessed", null, FROM, null), "from");
    assertRefused(() -> search.trends(ALL, "PaymentProcessed", FROM, null, TimeInterval.DAY, null), "to");
    assertRefused(() -> search.heatmap(ALL, "PaymentProcessed", FROM, null, null), "to");
  }

  @Test
  void a_trend_needs_an_interval() {
    assertRefused(() -> search.trends(ALL, "PaymentProcessed", FROM, FROM, null, null), "interval");
  }

  @Test
  void blank_missing_or_over_long_types_and_ids_are_refused() {
    assertRefused(() -> search.byType(ALL, " ", null, null), "eventType");
    assertRefused(() -> search.byType(ALL, null, null, null), "eventType");
    assertRefused(() -> search.statistics(ALL, "t".repeat(129), FROM, FROM, null), "eventType");
    assertRefused(() -> search.correlations(ALL, ""), "correlationId");
    assertRefused(() -> search.correlations(ALL, "c".repeat(129)), "correlationId");
  }

  @Test
  void free_text_must_be_given_and_short() {
    assertRefused(() -> search.searchData(ALL, null, null), "text");
    assertRefused(() -> search.searchData(ALL, "   ", null), "text");
    assertRefused(() -> search.searchData(ALL, "a".repeat(5000), null), "text");
    assertRefused(() -> search.searchData(ALL, "word ".repeat(33), null), "text");
  }

  private static void assertRefused(ThrowingCallable query, String field) {
    assertThatThrownBy(query)
        .isInstanceOfSatisfying(QueryRefusedException.class, e -> assertThat(e.field()).isEqualTo(field));
  }
}
