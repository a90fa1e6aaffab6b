package io.esledger.analytics.search;

import static io.esledger.analytics.search.Given.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.esledger.application.eventstore.RecordedEvent;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The seed's second flow at store level: three payments, then a payment event search over their range. */
class PaymentSearchIT extends SearchNodeSupport {

  private static final String P1 =
      "{\"paymentId\":\"p1\",\"amount\":100.00,\"currency\":\"EUR\",\"processedAt\":\"2026-03-02T10:00:00Z\"}";
  private static final String P2 =
      "{\"paymentId\":\"p2\",\"amount\":200.00,\"currency\":\"USD\",\"processedAt\":\"2026-03-02T10:01:00Z\"}";
  private static final String P3 =
      "{\"paymentId\":\"p3\",\"amount\":300.00,\"currency\":\"EUR\",\"processedAt\":\"2026-03-02T10:02:00Z\"}";

  private final Instant from = Instant.parse("2026-03-02T10:00:00Z");
  private final Instant to = Instant.parse("2026-03-02T10:02:00Z");

  @BeforeEach
  void threePaymentsAndTheirNeighbours() throws Exception {
    given("Payment", "p0", event("PaymentProcessed", "2026-03-02T09:59:59.999Z").by("org-0", "user-0").data("{\"paymentId\":\"p0\"}"));
    given("Payment", "p1", event("PaymentProcessed", "2026-03-02T10:00:00Z").by("org-1", "user-1").data(P1));
    given("Payment", "p2", event("PaymentProcessed", "2026-03-02T10:01:00Z").by("org-2", "user-1").data(P2));
    given("Refund", "r1", event("RefundIssued", "2026-03-02T10:01:30Z").by("org-1", "user-1"));
    given("Payment", "p3", event("PaymentProcessed", "2026-03-02T10:02:00Z").by("org-1", "user-2").data(P3));
    refresh();
  }

  @Test
  void a_payment_event_search_over_their_range_returns_the_three_payments_newest_first() {
    EventPage page = search.search(ALL, new EventFilter("Payment", null, null, from, to, null, null), PageRequest.first());

    assertThat(page.total()).isEqualTo(3);
    assertThat(page.totalIsExact()).isTrue();
    assertThat(page.items()).extracting(e -> e.stream().aggregateId()).containsExactly("p3", "p2", "p1");
    assertThat(page.items()).extracting(RecordedEvent::eventType).containsOnly("PaymentProcessed");
  }

  @Test
  void event_data_comes_back_exactly_as_appended_decimals_included() {
    EventPage page = search.search(ALL, new EventFilter("Payment", null, null, from, to, null, null), PageRequest.first());

    assertThat(page.items()).extracting(RecordedEvent::data).containsExactly(P3, P2, P1);
    assertThat(page.items().get(2).metadata().organizationId()).isEqualTo("org-1");
    assertThat(page.items().get(2).eventId()).isEqualTo("p1-v1");
  }

  @Test
  void without_an_aggregate_type_every_stream_is_searched() {
    EventPage page = search.search(ALL, new EventFilter(null, null, null, from, to, null, null), PageRequest.first());

    assertThat(page.items()).extracting(e -> e.stream().value())
        .containsExactly("Payment:p3", "Refund:r1", "Payment:p2", "Payment:p1");
  }

  @Test
  void no_filter_and_no_page_means_every_event_first_page() {
    EventPage page = search.search(ALL, null, null);

    assertThat(page.total()).isEqualTo(5);
    assertThat(page.items()).hasSize(5);
  }

  @Test
  void organization_and_user_filters_match_exactly_and_combine() {
    assertThat(payments(new EventFilter("Payment", null, null, null, null, "org-1", null))).containsExactly("p3", "p1");
    assertThat(payments(new EventFilter("Payment", null, null, null, null, null, "user-1"))).containsExactly("p2", "p1");
    assertThat(payments(new EventFilter("Payment", null, null, null, null, "org-1", "user-1"))).containsExactly("p1");
    assertThat(payments(new EventFilter("Payment", null, null, null, null, "ORG-1", null))).isEmpty();
  }

  @Test
  void an_event_type_filter_leaves_other_types_out() {
    assertThat(payments(new EventFilter(null, "RefundIssued", null, null, null, null, null))).containsExactly("r1");
  }

  @Test
  void a_text_filter_narrows_a_payment_search() {
    EventFilter euros = EventFilter.none().withAggregateType("Payment");

    assertThat(payments(new EventFilter("Payment", null, "eur", null, null, null, null))).containsExactly("p3", "p1");
    assertThat(payments(euros)).containsExactly("p3", "p2", "p1", "p0");
  }

  @Test
  void events_by_type_are_newest_first_and_either_end_may_be_open() {
    assertThat(search.byType(ALL, "PaymentProcessed", null, null)).extracting(e -> e.stream().aggregateId())
        .containsExactly("p3", "p2", "p1", "p0");
    assertThat(search.byType(ALL, "PaymentProcessed", from, null)).extracting(e -> e.stream().aggregateId())
        .containsExactly("p3", "p2", "p1");
    assertThat(search.byType(ALL, "PaymentProcessed", null, from)).extracting(e -> e.stream().aggregateId())
        .containsExactly("p1", "p0");
    assertThat(search.byType(ALL, "PaymentFailed", null, null)).isEmpty();
  }

  private java.util.List<String> payments(EventFilter filter) {
    return search.search(ALL, filter, PageRequest.first()).items().stream().map(e -> e.stream().aggregateId()).toList();
  }
}
