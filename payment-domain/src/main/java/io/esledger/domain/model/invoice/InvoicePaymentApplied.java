package io.esledger.domain.model.invoice;

import io.esledger.domain.model.payment.Money;
import java.math.BigDecimal;
import java.time.Instant;

/** Money captured by a payment was applied to the invoice. */
public record InvoicePaymentApplied(String invoiceId, String paymentId, BigDecimal amount, String currency,
    Instant occurredAt) implements InvoiceEvent {

  public static final String TYPE = "InvoicePaymentApplied";

  @Override
  public String eventType() {
    return TYPE;
  }

  public Money money() {
    return Money.of(amount, currency);
  }
}
