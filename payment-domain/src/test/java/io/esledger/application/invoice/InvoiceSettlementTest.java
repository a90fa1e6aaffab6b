package io.esledger.application.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.esledger.application.CommandContext;
import io.esledger.application.PaymentCommandHandler;
import io.esledger.application.eventstore.InMemoryEventStore;
import io.esledger.application.eventstore.LogEntry;
import io.esledger.application.eventstore.LogFilter;
import io.esledger.application.eventstore.RecordedEvent;
import io.esledger.domain.model.invoice.InvoiceId;
import io.esledger.domain.model.invoice.InvoicePaid;
import io.esledger.domain.model.invoice.InvoicePaymentApplied;
import io.esledger.domain.model.invoice.InvoiceRejectedException;
import io.esledger.domain.model.invoice.InvoiceStatus;
import io.esledger.domain.model.invoice.IssueInvoice;
import io.esledger.domain.model.payment.AuthorizePayment;
import io.esledger.domain.model.payment.CapturePayment;
import io.esledger.domain.model.payment.Money;
import io.esledger.domain.model.payment.PaymentEvent;
import io.esledger.domain.model.payment.PaymentId;
import io.esledger.domain.model.payment.ProcessPayment;
import io.esledger.infrastructure.serialization.JsonbInvoiceEventSerializer;
import io.esledger.infrastructure.serialization.JsonbPaymentEventSerializer;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The invoice process manager's step on the in-memory store with the real serializers: payments that
 * name an invoice settle it as their captures reach the log, once per capture however often a capture
 * is delivered, and only within the payment's organization.
 */
class InvoiceSettlementTest {

  private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
  private static final OptionalInt ANY = OptionalInt.empty();
  private final InMemoryEventStore store = new InMemoryEventStore();
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final JsonbPaymentEventSerializer paymentJson = new JsonbPaymentEventSerializer();
  private final JsonbInvoiceEventSerializer invoiceJson = new JsonbInvoiceEventSerializer();
  private final PaymentCommandHandler payments = new PaymentCommandHandler(store, paymentJson, clock);
  private final InvoiceCommandHandler invoices = new InvoiceCommandHandler(store, invoiceJson, clock);
  private final InvoiceQueries queries = new InvoiceQueries(store, invoiceJson);
  private final InvoiceSettlement settlement = new InvoiceSettlement(invoices, paymentJson);

  private static CommandContext by(String organization, String commandId) {
    return new CommandContext(commandId, null, null, organization, "user-1");
  }

  private static Money eur(String amount) {
    return Money.of(new BigDecimal(amount), "EUR");
  }

  private void issue(String organization, String invoiceId, String amount) throws Exception {
    invoices.handle(new IssueInvoice(new InvoiceId(invoiceId), eur(amount), LocalDate.parse("2026-12-31"), null, ANY),
        by(organization, "issue-" + invoiceId));
  }

  /** Every payment event in the log so far, as the process manager reads it. */
  private List<RecordedEvent> paymentLog() {
    return store.readLog(store.logStart(), LogFilter.aggregateType(PaymentEvent.AGGREGATE_TYPE), 10_000)
        .entries().stream().map(LogEntry::event).toList();
  }

  private void reactToAll() throws Exception {
    for (RecordedEvent event : paymentLog()) {
      settlement.react(event);
    }
  }

  @Test
  void captures_for_an_invoice_settle_it_once_however_often_they_are_delivered() throws Exception {
    issue("org-1", "inv-1", "100.00");
    payments.handle(new AuthorizePayment(new PaymentId("p-1"), eur("100.00"), ANY, new InvoiceId("inv-1")),
        by("org-1", "auth"));
    payments.handle(new CapturePayment(new PaymentId("p-1"), new BigDecimal("30.00"), false, ANY), by("org-1", "c1"));
    reactToAll();
    assertThat(queries.invoice("org-1", new InvoiceId("inv-1")).orElseThrow().state().status(NOW))
        .isEqualTo(InvoiceStatus.PARTIALLY_PAID);

    payments.handle(new CapturePayment(new PaymentId("p-1"), null, false, ANY), by("org-1", "c2"));
    reactToAll(); // the first capture is delivered again
    reactToAll();

    var invoice = queries.invoice("org-1", new InvoiceId("inv-1")).orElseThrow();
    assertThat(invoice.state().status(NOW)).isEqualTo(InvoiceStatus.PAID);
    assertThat(invoice.state().payments()).extracting(p -> p.amount().amount().toPlainString())
        .containsExactly("30.00", "70.00");
    List<RecordedEvent> history = queries.history("org-1", new InvoiceId("inv-1"));
    assertThat(history).extracting(RecordedEvent::eventType).containsExactly("InvoiceIssued",
        InvoicePaymentApplied.TYPE, InvoicePaymentApplied.TYPE, InvoicePaid.TYPE);
    RecordedEvent firstCapture = paymentLog().get(1);
    assertThat(history.get(1).metadata().causationId()).isEqualTo(firstCapture.eventId());
    assertThat(history.get(1).metadata().correlationId()).isEqualTo(firstCapture.metadata().correlationId());
    assertThat(history.get(1).metadata().userId()).isEqualTo(InvoiceSettlement.PROCESS);
  }

  @Test
  void a_payment_processed_in_one_step_pays_its_invoice() throws Exception {
    issue("org-1", "inv-2", "25.00");
    payments.handle(new ProcessPayment(new PaymentId("p-2"), eur("25.00"), ANY, new InvoiceId("inv-2")),
        by("org-1", "proc"));
    reactToAll();
    assertThat(queries.invoice("org-1", new InvoiceId("inv-2")).orElseThrow().state().status(NOW))
        .isEqualTo(InvoiceStatus.PAID);
  }

  @Test
  void payments_without_an_invoice_concern_none() throws Exception {
    payments.handle(new ProcessPayment(new PaymentId("p-3"), eur("5.00"), ANY), by("org-1", "plain"));
    assertThat(settlement.react(paymentLog().get(0))).isEmpty();
  }

  @Test
  void an_invoice_of_another_organization_is_not_found() throws Exception {
    issue("org-2", "inv-3", "10.00");
    payments.handle(new ProcessPayment(new PaymentId("p-4"), eur("10.00"), ANY, new InvoiceId("inv-3")),
        by("org-1", "cross"));
    InvoiceRejectedException refused = catchThrowableOfType(() -> settlement.react(paymentLog().get(0)),
        InvoiceRejectedException.class);
    assertThat(refused.reason()).isEqualTo(InvoiceRejectedException.Reason.NOT_FOUND);
    assertThat(queries.invoice("org-2", new InvoiceId("inv-3")).orElseThrow().state().payments()).isEmpty();
    assertThat(queries.invoice("org-1", new InvoiceId("inv-3"))).isEqualTo(Optional.empty());
  }
}
