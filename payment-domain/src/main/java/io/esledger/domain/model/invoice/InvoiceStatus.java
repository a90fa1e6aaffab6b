package io.esledger.domain.model.invoice;

/** Where an invoice is: nothing paid, part paid, paid; overdue is unpaid (or part paid) after its due date. */
public enum InvoiceStatus {
  NEW,
  ISSUED,
  PARTIALLY_PAID,
  PAID,
  OVERDUE
}
