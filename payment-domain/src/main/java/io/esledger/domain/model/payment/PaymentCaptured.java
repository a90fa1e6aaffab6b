package io.esledger.domain.model.payment;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Part or all of the authorized amount was captured (taken). It repeats the payment's {@code invoiceId}
 * (null when none), so whoever settles invoices needs nothing but this event.
 */
public record PaymentCaptured(String paymentId, BigDecimal amount, String currency, Instant occurredAt,
    String invoiceId)
    implements PaymentEvent {

  public static final String TYPE = "PaymentCaptured";

  @Override
  public String eventType() {
    return TYPE;
  }

  public Money money() {
    return Money.of(amount, currency);
  }
}
