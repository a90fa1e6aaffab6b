package io.esledger.domain.model.payment;

import java.math.BigDecimal;
import java.time.Instant;

/** The payer disputed (charged back) part or all of what was captured and not refunded. */
public record DisputeOpened(String paymentId, BigDecimal amount, String currency, String reasonCode, Instant occurredAt)
    implements PaymentEvent {

  public static final String TYPE = "DisputeOpened";

  @Override
  public String eventType() {
    return TYPE;
  }

  public Money money() {
    return Money.of(amount, currency);
  }
}
