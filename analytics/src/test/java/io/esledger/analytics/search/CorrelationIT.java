package io.esledger.analytics.search;

import static io.esledger.analytics.search.Given.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.esledger.application.eventstore.RecordedEvent;
import org.junit.jupiter.api.Test;

class CorrelationIT extends SearchNodeSupport {

  @Test
  void a_trace_lists_every_event_of_the_correlation_oldest_first_across_streams() throws Exception {
    // appended out of time order, and two events of one commit share their timestamp
    given("Refund", "r-1", event("RefundIssued", "2026-03-02T10:05:00Z").correlatedBy("corr-42"));
    given("Payment", "p-9",
        event("PaymentInitiated", "2026-03-02T10:00:00Z").correlatedBy("corr-42"),
        event("PaymentProcessed", "2026-03-02T10:00:00Z").correlatedBy("corr-42"));
    given("Payment", "p-7", event("PaymentProcessed", "2026-03-02T10:01:00Z").correlatedBy("corr-7"));
    given("Payment", "p-8", event("PaymentProcessed", "2026-03-02T09:59:00Z").correlatedBy("corr-42"));
    refresh();

    assertThat(search.correlations(ALL, "corr-42")).extracting(RecordedEvent::eventId)
        .containsExactly("p-8-v1", "p-9-v1", "p-9-v2", "r-1-v1");
  }

  @Test
  void the_events_of_a_trace_are_whole_recorded_events() throws Exception {
    given("Payment", "p-9",
        event("PaymentInitiated", "2026-03-02T10:00:00Z").correlatedBy("corr-42").data("{\"amount\":12.50}"),
        event("PaymentProcessed", "2026-03-02T10:00:00Z").correlatedBy("corr-42").data("{\"amount\":12.50}"));
    refresh();

    RecordedEvent first = search.correlations(ALL, "corr-42").get(0);

    assertThat(first.stream().value()).isEqualTo("Payment:p-9");
    assertThat(first.version()).isEqualTo(1);
    assertThat(first.eventType()).isEqualTo("PaymentInitiated");
    assertThat(first.data()).isEqualTo("{\"amount\":12.50}");
    assertThat(first.metadata().correlationId()).isEqualTo("corr-42");
    assertThat(first.metadata().causationId()).isEqualTo("cause-p-9-v1");
  }

  @Test
  void an_unknown_correlation_has_an_empty_trace() throws Exception {
    given("Payment", "p-1", event("PaymentProcessed", "2026-03-02T10:00:00Z").correlatedBy("corr-1"));
    refresh();

    assertThat(search.correlations(ALL, "corr-404")).isEmpty();
    assertThat(search.correlations(ALL, "CORR-1")).as("ids match exactly").isEmpty();
  }
}
