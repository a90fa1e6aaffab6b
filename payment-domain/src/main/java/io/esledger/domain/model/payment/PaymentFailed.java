package io.esledger.domain.model.payment;

import java.math.BigDecimal;
import java.time.Instant;

/** The payment failed (declined, expired, ...) for a reason code; the amount is known only when it failed before authorization. */
public record PaymentFailed(String paymentId, String reasonCode, BigDecimal amount, String currency, Instant occurredAt)
    implements PaymentEvent {

  public static final String TYPE = "PaymentFailed";

  @Override
  public String eventType() {
    return TYPE;
  }
}
