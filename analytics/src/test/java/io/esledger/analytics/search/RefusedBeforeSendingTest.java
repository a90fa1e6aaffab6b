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
    assertThatThrownBy(() -> search.correlations("corr-1"))
        .isInstanceOf(EventStoreUnavailableException.class)
        .hasMessageContaining("unreachable");
  }

  @Test
  void hourly_trends_over_ten_years_are_refused() {
    assertRefused(() -> search.trends("PaymentProcessed", FROM, FROM.plus(Duration.ofDays(3653)),
        TimeInterval.HOUR, ZoneOffset.UTC), "interval");
    assertThatThrownBy(() -> search.trends("PaymentProcessed", FROM, FROM.plus(Duration.ofDays(3653)),
        TimeInterval.HOUR, ZoneOffset.UTC)).hasMessageStartingWith("the range holds 87673 HOUR buckets; at most 1000");
  }

  @Test
  void a_trend_may_have_a_thousand_buckets_but_not_one_more() {
    Instant thousandHoursLater = FROM.plus(Duration.ofHours(999));

    assertThatThrownBy(() -> search.trends("PaymentProcessed", FROM, thousandHoursLater, TimeInterval.HOUR, null))
        .isInstanceOf(EventStoreUnavailableException.class);
    assertRefused(() -> search.trends("PaymentProcessed", FROM, thousandHoursLater.plusSeconds(3600),
        TimeInterval.HOUR, null), "interval");
  }

  @Test
  void statistics_and_heatmaps_over_more_than_31_days_are_refused() {
    Instant tooLate = FROM.plus(Duration.ofDays(31)).plusMillis(1);

    assertRefused(() -> search.statistics("PaymentProcessed", FROM, tooLate, null), "to");
    assertRefused(() -> search.heatmap("PaymentProcessed", FROM, tooLate, null), "to");
    assertThatThrownBy(() -> search.heatmap("PaymentProcessed", FROM, FROM.plus(Duration.ofDays(31)), null))
        .isInstanceOf(EventStoreUnavailableException.class);
  }

  @Test
  void from_after_to_is_refused_everywhere() {
    Instant before = FROM.minusSeconds(1);

    assertRefused(() -> search.byType("PaymentProcessed", FROM, before), "from");
    assertRefused(() -> search.statistics("PaymentProcessed", FROM, before, null), "from");
    assertRefused(() -> search.trends("PaymentProcessed", FROM, before, TimeInterval.DAY, null), "from");
    assertRefused(() -> search.heatmap("PaymentProcessed", FROM, before, null), "from");
  }

  @Test
  void analytics_need_both_ends_of_the_range() {
    assertRefused(() -> search.statistics("PaymentProcessed", null, FROM, null), "from");
    assertRefused(() -> search.trends("PaymentProcessed", FROM, null, TimeInterval.DAY, null), "to");
    assertRefused(() -> search.heatmap("PaymentProcessed", FROM, null, null), "to");
  }

  @Test
  void a_trend_needs_an_interval() {
    assertRefused(() -> search.trends("PaymentProcessed", FROM, FROM, null, null), "interval");
  }

  @Test
  void blank_missing_or_over_long_types_and_ids_are_refused() {
    assertRefused(() -> search.byType(" ", null, null), "eventType");
    assertRefused(() -> search.byType(null, null, null), "eventType");
    assertRefused(() -> search.statistics("t".repeat(129), FROM, FROM, null), "eventType");
    assertRefused(() -> search.correlations(""), "correlationId");
    assertRefused(() -> search.correlations("c".repeat(129)), "correlationId");
  }

  @Test
  void free_text_must_be_given_and_short() {
    assertRefused(() -> search.searchData(null, null), "text");
    assertRefused(() -> search.searchData("   ", null), "text");
    assertRefused(() -> search.searchData("a".repeat(5000), null), "text");
    assertRefused(() -> search.searchData("word ".repeat(33), null), "text");
  }

  private static void assertRefused(ThrowingCallable query, String field) {
    assertThatThrownBy(query)
        .isInstanceOfSatisfying(QueryRefusedException.class, e -> assertThat(e.field()).isEqualTo(field));
  }
}
