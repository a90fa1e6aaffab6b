package io.esledger.domain.model.invoice;

import io.esledger.domain.model.payment.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Immutable state of an invoice, folded from its events. {@code paid} may exceed {@code amount}
 * (money applied after it was paid is kept, as a credit: the balance due goes below zero).
 */
public record InvoiceState(
    InvoiceId invoiceId,
    Money amount,
    LocalDate dueDate,
    String description,
    Money paid,
    List<AppliedPayment> payments,
    Instant issuedAt,
    Instant paidAt) {

  /** One payment's money applied to the invoice. */
  public record AppliedPayment(String paymentId, Money amount, Instant appliedAt) {}

  public InvoiceState {
    payments = List.copyOf(payments);
  }

  static InvoiceState initial(InvoiceId invoiceId) {
    return new InvoiceState(invoiceId, null, null, null, null, List.of(), null, null);
  }

  public boolean exists() {
    return amount != null;
  }

  /** What is still due: amount − paid (negative when overpaid); null before the invoice exists. */
  public Money balanceDue() {
    return amount == null ? null : amount.minus(paid);
  }

  /** Paid in full: the paid event was recorded. */
  public boolean settled() {
    return paidAt != null;
  }

  /**
   * The status at {@code now}: overdue is not stored, it is an unpaid invoice read after the end of
   * its due date (UTC).
   */
  public InvoiceStatus status(Instant now) {
    if (amount == null) {
      return InvoiceStatus.NEW;
    }
    if (settled()) {
      return InvoiceStatus.PAID;
    }
    if (now.isAfter(dueDate.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1))) {
      return InvoiceStatus.OVERDUE;
    }
    return paid.isPositive() ? InvoiceStatus.PARTIALLY_PAID : InvoiceStatus.ISSUED;
  }

  InvoiceState apply(InvoiceEvent event) {
    if (event instanceof InvoiceIssued e) {
      return new InvoiceState(invoiceId, e.money(), e.dueDate(), e.description(), Money.zero(e.money().currency()),
          List.of(), e.occurredAt(), null);
    } else if (event instanceof InvoicePaymentApplied e) {
      List<AppliedPayment> applied = new ArrayList<>(payments);
      applied.add(new AppliedPayment(e.paymentId(), e.money(), e.occurredAt()));
      return new InvoiceState(invoiceId, amount, dueDate, description, paid.plus(e.money()), applied, issuedAt,
          paidAt);
    } else if (event instanceof InvoicePaid e) {
      return new InvoiceState(invoiceId, amount, dueDate, description, paid, payments, issuedAt, e.occurredAt());
    }
    throw new IllegalStateException("invoice cannot apply unknown event " + event.getClass().getName());
  }
}
