/**
 * The invoice aggregate: a second kind of stream in the same store, settled by payments. An invoice
 * is issued for an amount due by a date; captured payments that name it are applied to it (by a
 * process manager that follows the log) until it is paid. Plain Java, like the payment model.
 */
package io.esledger.domain.model.invoice;
