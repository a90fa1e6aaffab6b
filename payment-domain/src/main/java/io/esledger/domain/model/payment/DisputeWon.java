package io.esledger.domain.model.payment;

import java.math.BigDecimal;
import java.time.Instant;

/** The open dispute was decided for the merchant: the money stays. */
public record DisputeWon(String paymentId, BigDecimal amount, String currency, Instant occurredAt)
    implements PaymentEvent {

  public static final String TYPE = "DisputeWon";

  @Override
  public String eventType() {
    return TYPE;
  }

  public Money money() {
    return Money.of(amount, currency);
  }
}
