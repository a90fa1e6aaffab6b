package io.esledger.domain.model.payment;

import io.esledger.domain.model.invoice.InvoiceId;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Command: authorize and capture an amount in one step (a payment's whole life for the simple case),
 * optionally paying an invoice ({@code invoiceId}, null when none).
 */
public record ProcessPayment(PaymentId paymentId, Money amount, OptionalInt expectedVersion, InvoiceId invoiceId)
    implements PaymentCommand {

  public ProcessPayment {
    expectedVersion = PaymentCommand.orEmpty(expectedVersion);
  }

  /** For no invoice in particular. */
  public ProcessPayment(PaymentId paymentId, Money amount, OptionalInt expectedVersion) {
    this(paymentId, amount, expectedVersion, null);
  }

  @Override
  public boolean mayCreate() {
    return true;
  }

  @Override
  public boolean isRetryOf(PaymentEvent first) {
    return first instanceof PaymentProcessed processed && processed.money().sameAs(amount)
        && Objects.equals(processed.invoiceId(), invoiceId == null ? null : invoiceId.value());
  }
}
