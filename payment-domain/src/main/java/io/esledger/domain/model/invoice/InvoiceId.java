package io.esledger.domain.model.invoice;

import io.esledger.domain.shared.Ids;

/** Identity of an invoice, chosen by the client and unique within its organization. */
public record InvoiceId(String value) {

  public static final int MAX_LENGTH = Ids.MAX_LENGTH;

  public InvoiceId {
    Ids.check("invoiceId", value);
  }

  /** The id, or null when {@code value} is null (an optional reference). */
  public static InvoiceId ofNullable(String value) {
    return value == null ? null : new InvoiceId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
