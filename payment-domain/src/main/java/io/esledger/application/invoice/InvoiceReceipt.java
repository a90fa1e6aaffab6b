package io.esledger.application.invoice;

import java.util.List;

/** What an invoice command stored: the invoice's new version and the ids of its events. */
public record InvoiceReceipt(String invoiceId, int version, List<String> eventIds, String correlationId) {}
