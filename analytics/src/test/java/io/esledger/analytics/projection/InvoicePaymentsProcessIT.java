package io.esledger.analytics.projection;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.esledger.application.CommandContext;
import io.esledger.application.PaymentCommandHandler;
import io.esledger.application.eventstore.BackgroundThreads;
import io.esledger.application.eventstore.RecordedEvent;
import io.esledger.application.invoice.InvoiceCommandHandler;
import io.esledger.application.invoice.InvoiceQueries;
import io.esledger.application.invoice.InvoiceSettlement;
import io.esledger.domain.model.invoice.InvoiceId;
import io.esledger.domain.model.invoice.InvoiceStatus;
import io.esledger.domain.model.invoice.IssueInvoice;
import io.esledger.domain.model.payment.Money;
import io.esledger.domain.model.payment.PaymentId;
import io.esledger.domain.model.payment.ProcessPayment;
import io.esledger.infrastructure.elasticsearch.ElasticsearchClients;
import io.esledger.infrastructure.elasticsearch.ElasticsearchSettings;
import io.esledger.infrastructure.eventstore.elasticsearch.ElasticsearchEventStore;
import io.esledger.infrastructure.eventstore.elasticsearch.EventIndex;
import io.esledger.infrastructure.serialization.JsonbInvoiceEventSerializer;
import io.esledger.infrastructure.serialization.JsonbPaymentEventSerializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The invoice process manager against a real node: it settles invoices from the log, parks a capture
 * whose invoice does not exist and goes on, and a second instance taking over after a crash redelivers
 * pages without applying any payment twice.
 */
class InvoicePaymentsProcessIT {

  private static final OptionalInt ANY = OptionalInt.empty();
  private final Clock clock = Clock.systemUTC();
  private final List<InvoicePaymentsProcess> processes = new ArrayList<>();
  private final JsonbPaymentEventSerializer paymentJson = new JsonbPaymentEventSerializer();
  private final JsonbInvoiceEventSerializer invoiceJson = new JsonbInvoiceEventSerializer();
  private ElasticsearchClient client;
  private ElasticsearchSettings settings;
  private ElasticsearchEventStore store;
  private EventIndex events;
  private PaymentCommandHandler payments;
  private InvoiceCommandHandler invoices;
  private InvoiceQueries queries;

  @BeforeEach
  void connect() {
    String prefix = "iit-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT) + "-";
    settings = ElasticsearchSettings.local("http://127.0.0.1:" + System.getProperty("es.http.port", "9200"), prefix);
    client = ElasticsearchClients.create(settings);
    events = new EventIndex(client, settings);
    store = new ElasticsearchEventStore(client, events, r -> {});
    payments = new PaymentCommandHandler(store, paymentJson, clock);
    invoices = new InvoiceCommandHandler(store, invoiceJson, clock);
    queries = new InvoiceQueries(store, invoiceJson);
  }

  @AfterEach
  void disconnect() throws IOException {
    processes.forEach(InvoicePaymentsProcess::close);
    store.close();
    client.indices().delete(d -> d.index(events.name(), settings.indexPrefix() + "projections",
        settings.indexPrefix() + "projections-parked").ignoreUnavailable(true));
    client._transport().close();
  }

  private InvoicePaymentsProcess start() {
    InvoicePaymentsProcess process = new InvoicePaymentsProcess(store, new InvoiceSettlement(invoices, paymentJson),
        new ProjectionLease(client, settings.indexPrefix() + "projections", InvoicePaymentsProcess.NAME),
        new ParkedEvents(client, settings.indexPrefix() + "projections-parked"), clock, BackgroundThreads.DAEMONS);
    processes.add(process);
    process.start();
    return process;
  }

  private static CommandContext by(String commandId) {
    return new CommandContext(commandId, null, null, "org-1", "user-1");
  }

  private static Money eur(String amount) {
    return Money.of(new BigDecimal(amount), "EUR");
  }

  private void issue(String invoiceId, String amount) throws Exception {
    invoices.handle(new IssueInvoice(new InvoiceId(invoiceId), eur(amount), LocalDate.parse("2099-12-31"), null, ANY),
        by("issue-" + invoiceId));
  }

  private void pay(String paymentId, String amount, String invoiceId) throws Exception {
    payments.handle(new ProcessPayment(new PaymentId(paymentId), eur(amount), ANY, new InvoiceId(invoiceId)),
        by("pay-" + paymentId));
  }

  private void caughtUp(InvoicePaymentsProcess process) throws InterruptedException {
    assertThat(process.awaitApplied(store.acknowledgedThrough(), Duration.ofSeconds(30))).isTrue();
  }

  private List<String> history(String invoiceId) {
    return queries.history("org-1", new InvoiceId(invoiceId)).stream().map(RecordedEvent::eventType).toList();
  }

  @Test
  void settles_invoices_and_parks_a_capture_whose_invoice_does_not_exist() throws Exception {
    issue("inv-1", "30.00");
    pay("p-1", "10.00", "inv-1");
    pay("p-2", "5.00", "no-such-invoice"); // the API refuses this; another writer of the store may not
    pay("p-3", "20.00", "inv-1");
    InvoicePaymentsProcess process = start();

    caughtUp(process);

    assertThat(queries.invoice("org-1", new InvoiceId("inv-1")).orElseThrow().state().status(clock.instant()))
        .isEqualTo(InvoiceStatus.PAID);
    assertThat(process.parkedCount()).isEqualTo(1);
    assertThat(process.parked(10)).singleElement().satisfies(parked -> {
      assertThat(parked.streamId()).endsWith("p-2");
      assertThat(parked.reason()).contains("no invoice no-such-invoice");
    });
  }

  @Test
  void a_crash_before_the_checkpoint_moves_redelivers_pages_and_no_payment_is_applied_twice() throws Exception {
    issue("inv-2", "100.00");
    pay("p-4", "10.00", "inv-2");
    InvoicePaymentsProcess first = start();
    caughtUp(first);
    first.crash(); // stops without handing back its lease or moving anything further

    pay("p-5", "15.00", "inv-2");
    // the new instance takes over when the lease expires and starts from the stored checkpoint
    InvoicePaymentsProcess second = start();
    caughtUp(second);

    assertThat(history("inv-2")).containsExactly("InvoiceIssued", "InvoicePaymentApplied", "InvoicePaymentApplied");

    // every capture delivered again through the process itself: its checkpoint is set back to the start of
    // the log (as after a lost checkpoint), and the next holder reads the whole log once more
    second.close(); // hands the lease back
    ProjectionLease lease = new ProjectionLease(client, settings.indexPrefix() + "projections",
        InvoicePaymentsProcess.NAME);
    ProjectionLease.State released = lease.read().orElseThrow();
    assertThat(lease.replace(released, store.logStart(), null, released.term() + 1, 0)).isPresent();
    InvoicePaymentsProcess third = start();
    caughtUp(third);
    assertThat(third.checkpoint()).as("the third holder read the log again").isNotNull();
    assertThat(history("inv-2")).as("no capture applied twice").hasSize(3);
  }
}
