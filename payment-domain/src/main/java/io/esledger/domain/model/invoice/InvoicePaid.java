package io.esledger.domain.model.invoice;

import java.math.BigDecimal;
import java.time.Instant;

/** The payments applied to the invoice reached its amount ({@code paidAmount}: their sum then). */
public record InvoicePaid(String invoiceId, BigDecimal paidAmount, String currency, Instant occurredAt)
    implements InvoiceEvent {

  public static final String TYPE = "InvoicePaid";

  @Override
  public String eventType() {
    return TYPE;
  }
}
