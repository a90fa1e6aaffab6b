package io.esledger.domain.model.invoice;

import io.esledger.domain.model.payment.Money;
import java.time.LocalDate;
import java.util.Objects;
import java.util.OptionalInt;

/** Command: issue a new invoice for an amount, due by a date. */
public record IssueInvoice(InvoiceId invoiceId, Money amount, LocalDate dueDate, String description,
    OptionalInt expectedVersion) implements InvoiceCommand {

  public IssueInvoice {
    expectedVersion = expectedVersion == null ? OptionalInt.empty() : expectedVersion;
  }

  @Override
  public boolean isRetryOf(InvoiceEvent first) {
    return first instanceof InvoiceIssued issued && issued.money().sameAs(amount)
        && issued.dueDate().equals(dueDate) && Objects.equals(issued.description(), description);
  }
}
