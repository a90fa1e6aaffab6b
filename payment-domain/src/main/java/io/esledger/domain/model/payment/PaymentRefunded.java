package io.esledger.domain.model.payment;

import java.math.BigDecimal;
import java.time.Instant;

/** Part or all of the captured amount was paid back; {@code reason} is the caller'\''s, optional. */
public record PaymentRefunded(String paymentId, BigDecimal amount, String currency, String reason, Instant occurredAt)
    implements PaymentEvent {

  public static final String TYPE = "PaymentRefunded";

  @Override
  public String eventType() {
    return TYPE;
  }

  public Money money() {
    return Money.of(amount, currency);
  }
}
