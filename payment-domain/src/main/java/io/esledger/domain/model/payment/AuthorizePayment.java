package io.esledger.domain.model.payment;

import io.esledger.domain.model.invoice.InvoiceId;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Command: start a payment by authorizing (reserving) an amount, to be captured later, optionally for
 * an invoice ({@code invoiceId}, null when none).
 */
public record AuthorizePayment(PaymentId paymentId, Money amount, OptionalInt expectedVersion, InvoiceId invoiceId)
    implements PaymentCommand {

  public AuthorizePayment {
    expectedVersion = PaymentCommand.orEmpty(expectedVersion);
  }

  /** For no invoice in particular. */
  public AuthorizePayment(PaymentId paymentId, Money amount, OptionalInt expectedVersion) {
    this(paymentId, amount, expectedVersion, null);
  }

  @Override
  public boolean mayCreate() {
    return true;
  }

  @Override
  public boolean isRetryOf(PaymentEvent first) {
    return first instanceof PaymentAuthorized authorized && authorized.money().sameAs(amount)
        && Objects.equals(authorized.invoiceId(), invoiceId == null ? null : invoiceId.value());
  }
}
