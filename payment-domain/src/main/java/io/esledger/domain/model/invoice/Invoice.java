package io.esledger.domain.model.invoice;

import io.esledger.domain.model.payment.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An invoice: an amount an organization's customer owes by a due date, settled by payments. Like
 * the payment, it decides, records events, applies them to its state and hands them over once.
 */
public final class Invoice {

  private InvoiceState state;
  private final List<InvoiceEvent> pending = new ArrayList<>();

  private Invoice(InvoiceState state) {
    this.state = state;
  }

  /** Rebuilds an invoice from its stored events, oldest first; an empty history is a new invoice. */
  public static Invoice fromHistory(InvoiceId invoiceId, List<? extends InvoiceEvent> history) {
    Invoice invoice = new Invoice(InvoiceState.initial(invoiceId));
    history.forEach(e -> invoice.state = invoice.state.apply(e));
    return invoice;
  }

  public InvoiceState state() {
    return state;
  }

  public void handle(InvoiceCommand command, Instant now) throws InvoiceRejectedException {
    if (command instanceof IssueInvoice c) {
      issue(c, now);
    } else if (command instanceof ApplyInvoicePayment c) {
      applyPayment(c, now);
    } else {
      throw new IllegalArgumentException("unknown invoice command " + command);
    }
  }

  /** Issues a new invoice for a positive amount. */
  public void issue(IssueInvoice command, Instant now) throws InvoiceRejectedException {
    if (state.exists()) {
      throw new InvoiceRejectedException(state.invoiceId(), InvoiceRejectedException.Reason.ALREADY_ISSUED,
          "invoice " + state.invoiceId() + " was already issued");
    }
    requirePositive(command.amount());
    Money amount = command.amount();
    record(new InvoiceIssued(state.invoiceId().value(), amount.amount(), amount.currencyCode(), command.dueDate(),
        command.description(), now));
  }

  /**
   * Applies a payment's money, in the invoice's currency. The payment that brings the total paid to
   * the amount also marks the invoice paid, in the same commit; money applied after that is kept as
   * a credit (a payment captured is money received, whatever the invoice says).
   */
  public void applyPayment(ApplyInvoicePayment command, Instant now) throws InvoiceRejectedException {
    if (!state.exists()) {
      throw new InvoiceRejectedException(state.invoiceId(), InvoiceRejectedException.Reason.NOT_FOUND,
          "there is no invoice " + state.invoiceId());
    }
    Money amount = command.amount();
    requirePositive(amount);
    if (!amount.currency().equals(state.amount().currency())) {
      throw new InvoiceRejectedException(state.invoiceId(), InvoiceRejectedException.Reason.CURRENCY_MISMATCH,
          "invoice " + state.invoiceId() + " is in " + state.amount().currencyCode() + ", the payment in "
              + amount.currencyCode());
    }
    record(new InvoicePaymentApplied(state.invoiceId().value(), command.paymentId().value(), amount.amount(),
        amount.currencyCode(), now));
    if (!state.settled() && !state.balanceDue().isPositive()) {
      record(new InvoicePaid(state.invoiceId().value(), state.paid().amount(), state.paid().currencyCode(), now));
    }
  }

  /** The events decided since the last call, in order; each is handed out once. */
  public List<InvoiceEvent> releaseEvents() {
    List<InvoiceEvent> released = List.copyOf(pending);
    pending.clear();
    return released;
  }

  private void record(InvoiceEvent event) {
    state = state.apply(event);
    pending.add(event);
  }

  private void requirePositive(Money amount) throws InvoiceRejectedException {
    if (!amount.isPositive()) {
      throw new InvoiceRejectedException(state.invoiceId(), InvoiceRejectedException.Reason.AMOUNT_NOT_POSITIVE,
          "amount must be positive, got " + amount);
    }
  }
}
