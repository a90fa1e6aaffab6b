package io.esledger.domain.model.invoice;

/** A rule of the invoice refused a command; nothing was stored. {@code reason} says which rule. */
public class InvoiceRejectedException extends Exception {

  /** The rules an invoice command can break. */
  public enum Reason {
    /** The invoice already exists (issue twice). */
    ALREADY_ISSUED,
    /** There is no such invoice (in the caller's organization). */
    NOT_FOUND,
    /** The money is in another currency than the invoice. */
    CURRENCY_MISMATCH,
    /** The amount is zero or negative. */
    AMOUNT_NOT_POSITIVE
  }

  private final InvoiceId invoiceId;
  private final Reason reason;

  public InvoiceRejectedException(InvoiceId invoiceId, Reason reason, String message) {
    super(message);
    this.invoiceId = invoiceId;
    this.reason = reason;
  }

  public InvoiceId invoiceId() {
    return invoiceId;
  }

  public Reason reason() {
    return reason;
  }
}
