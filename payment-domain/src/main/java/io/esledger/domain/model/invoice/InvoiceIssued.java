package io.esledger.domain.model.invoice;

import io.esledger.domain.model.payment.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** An invoice was issued: {@code amount} is due by the end of {@code dueDate} (UTC). */
public record InvoiceIssued(String invoiceId, BigDecimal amount, String currency, LocalDate dueDate,
    String description, Instant occurredAt) implements InvoiceEvent {

  public static final String TYPE = "InvoiceIssued";

  @Override
  public String eventType() {
    return TYPE;
  }

  public Money money() {
    return Money.of(amount, currency);
  }
}
