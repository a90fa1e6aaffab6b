package io.esledger.infrastructure.serialization;

import static org.assertj.core.api.Assertions.assertThat;

import io.esledger.application.eventstore.EventMetadata;
import io.esledger.application.eventstore.RecordedEvent;
import io.esledger.application.eventstore.StreamId;
import io.esledger.domain.model.payment.PaymentProcessed;
import io.esledger.domain.model.payment.PaymentRefunded;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PaymentEventUpcastersTest {

  private static final Instant AT = Instant.parse("2026-11-20T08:30:00Z");
  /** eventData exactly as JSON-B wrote a PaymentProcessed before events had schema versions. */
  private static final String V1 =
      "{\"amount\":\"100.00\",\"currency\":\"EUR\",\"paymentId\":\"p-1\",\"processedAt\":\"2026-11-20T08:30:00Z\"}";

  private final JsonbPaymentEventSerializer serializer = new JsonbPaymentEventSerializer();
  private final PaymentEventUpcasters upcasters = new PaymentEventUpcasters();

  private static RecordedEvent stored(String type, int schemaVersion, String data) {
    return new RecordedEvent("e-1", new StreamId("Payment", "org-1/p-1"), 1, type, schemaVersion, data, AT,
        new EventMetadata("c", "c", "org-1", "u", null));
  }

  @Test
  void a_version_1_payment_processed_is_read_in_the_current_shape() {
    RecordedEvent current = upcasters.upcast(stored(PaymentProcessed.TYPE, 1, V1));

    assertThat(current.schemaVersion()).isEqualTo(2);
    assertThat(current.data()).contains("\"occurredAt\":\"2026-11-20T08:30:00Z\"").doesNotContain("processedAt")
        .contains("\"amount\":\"100.00\"");
    assertThat(serializer.deserialize(current))
        .isEqualTo(new PaymentProcessed("p-1", new BigDecimal("100.00"), "EUR", AT, null));
  }

  @Test
  void without_the_upcaster_version_1_would_lose_its_time() {
    // what the change of shape means: the current record cannot read version 1 as it is
    PaymentProcessed direct = jakarta.json.bind.JsonbBuilder.create().fromJson(V1, PaymentProcessed.class);
    assertThat(direct.occurredAt()).isNull();
    assertThat(serializer.deserialize(stored(PaymentProcessed.TYPE, 1, V1)).occurredAt()).isEqualTo(AT);
  }

  @Test
  void new_events_are_written_in_the_current_version_and_read_back_unchanged() {
    PaymentProcessed event = new PaymentProcessed("p-1", new BigDecimal("5.00"), "USD", AT, null);
    String json = serializer.serialize(event);
    assertThat(serializer.schemaVersion(PaymentProcessed.TYPE)).isEqualTo(2);
    assertThat(json).contains("occurredAt").doesNotContain("processedAt");

    RecordedEvent read = stored(PaymentProcessed.TYPE, 2, json);
    assertThat(upcasters.upcast(read)).isSameAs(read);
    assertThat(serializer.deserialize(read)).isEqualTo(event);
  }

  @Test
  void types_that_never_changed_are_version_1_and_left_alone() {
    assertThat(serializer.schemaVersion(PaymentRefunded.TYPE)).isEqualTo(1);
    RecordedEvent refund = stored(PaymentRefunded.TYPE, 1,
        "{\"amount\":\"1.00\",\"currency\":\"EUR\",\"occurredAt\":\"2026-11-20T08:30:00Z\",\"paymentId\":\"p-1\"}");
    assertThat(upcasters.upcast(refund)).isSameAs(refund);
  }

  @Test
  void a_version_newer_than_this_code_knows_is_read_as_it_is() {
    RecordedEvent future = stored(PaymentProcessed.TYPE, 3, "{\"paymentId\":\"p-1\"}");
    assertThat(upcasters.upcast(future)).isSameAs(future);
  }
}
