/**
 * Invoices on the same event store as payments: their command handler, queries, and the settlement
 * step a process manager runs for every captured payment that names an invoice.
 */
package io.esledger.application.invoice;
