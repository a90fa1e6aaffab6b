package io.esledger.application.invoice;

import io.esledger.application.InvoiceEventSerializer;
import io.esledger.application.eventstore.EventStore;
import io.esledger.application.eventstore.RecordedEvent;
import io.esledger.domain.model.invoice.Invoice;
import io.esledger.domain.model.invoice.InvoiceId;
import io.esledger.domain.model.invoice.InvoiceState;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/** Reads one invoice straight from its stream: always current, never a projection. */
@Singleton
public class InvoiceQueries {

  private final EventStore store;
  private final InvoiceEventSerializer serializer;

  @Inject
  public InvoiceQueries(EventStore store, InvoiceEventSerializer serializer) {
    this.store = store;
    this.serializer = serializer;
  }

  public List<RecordedEvent> history(String organizationId, InvoiceId invoiceId) {
    return store.read(InvoiceStreams.of(organizationId, invoiceId), 1);
  }

  /** The invoice replayed from its events, with its version; empty when it was never issued. */
  public Optional<ReplayedInvoice> invoice(String organizationId, InvoiceId invoiceId) {
    List<RecordedEvent> history = history(organizationId, invoiceId);
    if (history.isEmpty()) {
      return Optional.empty();
    }
    Invoice invoice = Invoice.fromHistory(invoiceId, history.stream().map(serializer::deserialize).toList());
    return Optional.of(new ReplayedInvoice(invoice.state(), history.size()));
  }

  /** An invoice's state as of its last event. */
  public record ReplayedInvoice(InvoiceState state, int version) {}
}
