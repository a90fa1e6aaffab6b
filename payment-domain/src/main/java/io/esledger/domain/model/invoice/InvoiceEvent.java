package io.esledger.domain.model.invoice;

import java.time.Instant;

/** Everything that can happen to an invoice; stored under the aggregate type {@value #AGGREGATE_TYPE}. */
public sealed interface InvoiceEvent permits InvoiceIssued, InvoicePaymentApplied, InvoicePaid {

  String AGGREGATE_TYPE = "Invoice";

  String invoiceId();

  String eventType();

  Instant occurredAt();
}
