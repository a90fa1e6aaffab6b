package io.esledger.infrastructure.serialization;

import io.esledger.application.InvoiceEventSerializer;
import io.esledger.application.eventstore.RecordedEvent;
import io.esledger.domain.model.invoice.InvoiceEvent;
import io.esledger.domain.model.invoice.InvoiceIssued;
import io.esledger.domain.model.invoice.InvoicePaid;
import io.esledger.domain.model.invoice.InvoicePaymentApplied;
import java.util.Map;

/** Invoice events as JSON objects, via JSON-B; every type is still in its first shape (version 1). */
public final class JsonbInvoiceEventSerializer implements InvoiceEventSerializer {

  private final JsonbEvents<InvoiceEvent> json = new JsonbEvents<>("invoice", Map.of(
      InvoiceIssued.TYPE, InvoiceIssued.class,
      InvoicePaymentApplied.TYPE, InvoicePaymentApplied.class,
      InvoicePaid.TYPE, InvoicePaid.class));

  @Override
  public String serialize(InvoiceEvent event) {
    return json.toJson(event);
  }

  @Override
  public InvoiceEvent deserialize(RecordedEvent event) {
    return json.fromJson(event.eventType(), event.data());
  }
}
