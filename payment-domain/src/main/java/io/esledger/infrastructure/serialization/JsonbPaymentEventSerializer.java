package io.esledger.infrastructure.serialization;

import io.esledger.application.PaymentEventSerializer;
import io.esledger.application.eventstore.RecordedEvent;
import io.esledger.domain.model.payment.DisputeLost;
import io.esledger.domain.model.payment.DisputeOpened;
import io.esledger.domain.model.payment.DisputeWon;
import io.esledger.domain.model.payment.PaymentAuthorized;
import io.esledger.domain.model.payment.PaymentCaptureCompleted;
import io.esledger.domain.model.payment.PaymentCaptured;
import io.esledger.domain.model.payment.PaymentEvent;
import io.esledger.domain.model.payment.PaymentFailed;
import io.esledger.domain.model.payment.PaymentProcessed;
import io.esledger.domain.model.payment.PaymentRefunded;
import io.esledger.domain.model.payment.PaymentVoided;
import java.util.Map;

/**
 * Payment events as JSON objects, via JSON-B ({@link JsonbEvents}). Events are written in their type's
 * current schema version; older ones are upcast ({@link PaymentEventUpcasters}) before they are read.
 */
public final class JsonbPaymentEventSerializer implements PaymentEventSerializer {

  private final JsonbEvents<PaymentEvent> json = new JsonbEvents<>("payment", Map.of(
      PaymentProcessed.TYPE, PaymentProcessed.class,
      PaymentAuthorized.TYPE, PaymentAuthorized.class,
      PaymentCaptured.TYPE, PaymentCaptured.class,
      PaymentCaptureCompleted.TYPE, PaymentCaptureCompleted.class,
      PaymentRefunded.TYPE, PaymentRefunded.class,
      PaymentVoided.TYPE, PaymentVoided.class,
      PaymentFailed.TYPE, PaymentFailed.class,
      DisputeOpened.TYPE, DisputeOpened.class,
      DisputeWon.TYPE, DisputeWon.class,
      DisputeLost.TYPE, DisputeLost.class));

  private final PaymentEventUpcasters upcasters = new PaymentEventUpcasters();

  @Override
  public String serialize(PaymentEvent event) {
    return json.toJson(event);
  }

  @Override
  public int schemaVersion(String eventType) {
    return upcasters.currentVersion(eventType);
  }

  /** The upcasters this serializer reads with, for the store to apply to every read. */
  public PaymentEventUpcasters upcasters() {
    return upcasters;
  }

  @Override
  public PaymentEvent deserialize(RecordedEvent event) {
    // events read through the store are current already; this covers any other source
    return json.fromJson(event.eventType(), upcasters.upcast(event).data());
  }
}
