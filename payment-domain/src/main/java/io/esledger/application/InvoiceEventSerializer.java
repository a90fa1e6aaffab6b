package io.esledger.application;

import io.esledger.application.eventstore.RecordedEvent;
import io.esledger.domain.model.invoice.InvoiceEvent;

/** Turns invoice events into their stored JSON and back; implemented with JSON-B in infrastructure. */
public interface InvoiceEventSerializer {

  String serialize(InvoiceEvent event);

  InvoiceEvent deserialize(RecordedEvent event);
}
