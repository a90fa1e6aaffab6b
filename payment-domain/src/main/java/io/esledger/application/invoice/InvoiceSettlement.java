package io.esledger.application.invoice;

import io.esledger.application.CommandContext;
import io.esledger.application.PaymentCommandHandler;
import io.esledger.application.PaymentEventSerializer;
import io.esledger.application.eventstore.LogFilter;
import io.esledger.application.eventstore.RecordedEvent;
import io.esledger.domain.model.invoice.ApplyInvoicePayment;
import io.esledger.domain.model.invoice.InvoiceId;
import io.esledger.domain.model.invoice.InvoiceRejectedException;
import io.esledger.domain.model.payment.PaymentCaptured;
import io.esledger.domain.model.payment.PaymentEvent;
import io.esledger.domain.model.payment.PaymentId;
import io.esledger.domain.model.payment.PaymentProcessed;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.Set;

/**
 * The step of the invoice process manager: money captured for an invoice — a {@code PaymentCaptured}
 * or a one-step {@code PaymentProcessed} naming one — is applied to that invoice of the payment's
 * organization. The command's id is the payment event's id, so reacting to the same event again
 * (a page of the log redelivered after a crash or a failover) stores nothing new; its causation is
 * that event and its correlation the payment's, so a trace by correlation id shows both.
 */
@Singleton
public class InvoiceSettlement {

  /** The user the process manager's commands are recorded under. */
  public static final String PROCESS = "process:invoice-payments";

  private final InvoiceCommandHandler invoices;
  private final PaymentEventSerializer payments;

  @Inject
  public InvoiceSettlement(InvoiceCommandHandler invoices, PaymentEventSerializer payments) {
    this.invoices = invoices;
    this.payments = payments;
  }

  /** The invoice command a payment event calls for, if any. */
  public static Optional<ApplyInvoicePayment> commandFor(PaymentEvent event) {
    if (event instanceof PaymentCaptured c && c.invoiceId() != null) {
      return Optional.of(new ApplyInvoicePayment(new InvoiceId(c.invoiceId()), new PaymentId(c.paymentId()),
          c.money()));
    }
    if (event instanceof PaymentProcessed p && p.invoiceId() != null) {
      return Optional.of(new ApplyInvoicePayment(new InvoiceId(p.invoiceId()), new PaymentId(p.paymentId()),
          p.money()));
    }
    return Optional.empty();
  }

  /**
   * The part of the log that may call for a settlement: captures and one-step payments of payments
   * that name an invoice (their events carry its id in the metadata), so the store sends nothing else.
   */
  public static final LogFilter CAPTURES_FOR_INVOICES = new LogFilter(Set.of(PaymentEvent.AGGREGATE_TYPE),
      Set.of(PaymentCaptured.TYPE, PaymentProcessed.TYPE), Set.of(PaymentCommandHandler.INVOICE_ID));

  /** Whether the stored event may call for a settlement (without decoding it). */
  public static boolean mayConcern(RecordedEvent event) {
    return CAPTURES_FOR_INVOICES.matches(event);
  }

  /**
   * Reacts to one stored payment event: the receipt of the invoice command it called for (the first
   * one's when it was applied before), or empty when it concerns no invoice.
   *
   * @throws InvoiceRejectedException when the invoice refuses it (no such invoice, another currency)
   */
  public Optional<InvoiceReceipt> react(RecordedEvent paymentEvent) throws InvoiceRejectedException {
    if (!mayConcern(paymentEvent)) {
      return Optional.empty();
    }
    Optional<ApplyInvoicePayment> command = commandFor(payments.deserialize(paymentEvent));
    if (command.isEmpty()) {
      return Optional.empty();
    }
    CommandContext context = new CommandContext(paymentEvent.eventId(), paymentEvent.metadata().correlationId(),
        paymentEvent.eventId(), paymentEvent.metadata().organizationId(), PROCESS);
    return Optional.of(invoices.handle(command.get(), context));
  }
}
