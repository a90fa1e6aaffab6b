package io.esledger.application.invoice;

import io.esledger.application.eventstore.StreamId;
import io.esledger.domain.model.invoice.InvoiceEvent;
import io.esledger.domain.model.invoice.InvoiceId;

/** Where an invoice's events live: {@code Invoice:<organization>/<invoiceId>}, an organization's own ids. */
public final class InvoiceStreams {

  private InvoiceStreams() {}

  public static StreamId of(String organizationId, InvoiceId invoiceId) {
    String local = invoiceId.value();
    return new StreamId(InvoiceEvent.AGGREGATE_TYPE, organizationId == null ? local : organizationId + "/" + local);
  }
}
