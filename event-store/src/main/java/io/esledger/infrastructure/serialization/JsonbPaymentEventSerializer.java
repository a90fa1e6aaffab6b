package io.esledger.infrastructure.serialization;

import io.esledger.application.PaymentEventSerializer;
import io.esledger.domain.model.payment.PaymentEvent;
import io.esledger.domain.model.payment.PaymentProcessed;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import java.util.Map;

/**
 * Payment events as JSON objects, via JSON-B. The stored type name picks the record to read; an
 * unknown stored type fails loudly instead of being skipped.
 */
public final class JsonbPaymentEventSerializer implements PaymentEventSerializer {

  private static final Map<String, Class<? extends PaymentEvent>> TYPES =
      Map.of(PaymentProcessed.TYPE, PaymentProcessed.class);

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
