package io.esledger.domain.model.payment;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A payment of an amount in a currency was processed. The amount and currency are kept as plain
 * values because this record is also the stored contract.
 */
public record PaymentProcessed(String paymentId, BigDecimal amount, String currency, Instant processedAt)
    implements PaymentEvent {

  public static final String TYPE = "PaymentProcessed";

  @Override
  public String eventType() {
    return TYPE;
  }

  public Money money() {
    return Money.of(amount, currency);
  }
}
