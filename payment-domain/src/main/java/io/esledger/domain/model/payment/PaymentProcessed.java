package io.esledger.domain.model.payment;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A payment of an amount in a currency was processed (authorized and captured in one step). The
 * amount and currency are kept as plain values because this record is also the stored contract.
 * Schema version 2: the time is {@code occurredAt}, as in every payment event (version 1 documents
 * called it {@code processedAt} and are upcast on read). {@code invoiceId} (null when none) names the
 * invoice the payment pays.
 */
public record PaymentProcessed(String paymentId, BigDecimal amount, String currency, Instant occurredAt,
    String invoiceId)
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
