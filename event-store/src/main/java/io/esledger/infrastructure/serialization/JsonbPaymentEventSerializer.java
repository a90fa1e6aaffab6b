package io.esledger.infrastructure.serialization;

import io.esledger.application.PaymentEventSerializer;
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
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import java.util.Map;

/**
 * Payment events as JSON objects, via JSON-B. The stored type name picks the record to read; an
 * unknown stored type fails loudly instead of being skipped.
 */
public final class JsonbPaymentEventSerializer implements PaymentEventSerializer {

  private static final Map<String, Class<? extends PaymentEvent>> TYPES = Map.of(
      PaymentProcessed.TYPE, PaymentProcessed.class,
      PaymentAuthorized.TYPE, PaymentAuthorized.class,
      PaymentCaptured.TYPE, PaymentCaptured.class,
      PaymentCaptureCompleted.TYPE, PaymentCaptureCompleted.class,
      PaymentRefunded.TYPE, PaymentRefunded.class,
      PaymentVoided.TYPE, PaymentVoided.class,
      PaymentFailed.TYPE, PaymentFailed.class,
      DisputeOpened.TYPE, DisputeOpened.class,
      DisputeWon.TYPE, DisputeWon.class,
      DisputeLost.TYPE, DisputeLost.class);

  private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig()
      .withSerializers(new DecimalAsString())
      .withDeserializers(new DecimalAsString()));

  @Override
  public String serialize(PaymentEvent event) {
    return jsonb.toJson(event);
  }

  @Override
  public PaymentEvent deserialize(String eventType, String json) {
    Class<? extends PaymentEvent> type = TYPES.get(eventType);
    if (type == null) {
      throw new IllegalStateException("no payment event is stored as type " + eventType);
    }
    return jsonb.fromJson(json, type);
  }
}
