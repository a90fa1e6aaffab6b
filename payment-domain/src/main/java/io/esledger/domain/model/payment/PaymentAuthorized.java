package io.esledger.domain.model.payment;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An amount was authorized (reserved) for the payment; nothing is captured yet. {@code invoiceId}
 * (null when none) names the invoice the payment is meant to pay.
 */
public record PaymentAuthorized(String paymentId, BigDecimal amount, String currency, Instant occurredAt,
    String invoiceId)
    implements PaymentEvent {

  public static final String TYPE = "PaymentAuthorized";

  @Override
  public String eventType() {
    return TYPE;
  }

  public Money money() {
    return Money.of(amount, currency);
  }
}
