package io.esledger.domain.model.payment;

import java.math.BigDecimal;
import java.time.Instant;

/** The open dispute was decided for the payer: the disputed amount is gone (charged back). */
public record DisputeLost(String paymentId, BigDecimal amount, String currency, Instant occurredAt)
    implements PaymentEvent {

  public static final String TYPE = "DisputeLost";

  @Override
  public String eventType() {
    return TYPE;
  }

  public Money money() {
    return Money.of(amount, currency);
  }
}
