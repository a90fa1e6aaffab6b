package io.esledger.domain.model.invoice;

import java.util.OptionalInt;

/** Something asked of one invoice; {@code expectedVersion}, when given, guards against a moved-on invoice. */
public sealed interface InvoiceCommand permits IssueInvoice, ApplyInvoicePayment {

  InvoiceId invoiceId();

  OptionalInt expectedVersion();

  /**
   * Whether {@code first}, the first event an earlier run with the same command id recorded, is what
   * this command would have recorded: a retry, not a different command.
   */
  boolean isRetryOf(InvoiceEvent first);
}
