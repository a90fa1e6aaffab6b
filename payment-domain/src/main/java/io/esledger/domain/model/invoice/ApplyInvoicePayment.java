package io.esledger.domain.model.invoice;

import io.esledger.domain.model.payment.Money;
import io.esledger.domain.model.payment.PaymentId;
import java.util.OptionalInt;

/** Command: apply money a payment captured to the invoice it names. */
public record ApplyInvoicePayment(InvoiceId invoiceId, PaymentId paymentId, Money amount) implements InvoiceCommand {

  @Override
  public OptionalInt expectedVersion() {
    return OptionalInt.empty();
  }

  @Override
  public boolean isRetryOf(InvoiceEvent first) {
    return first instanceof InvoicePaymentApplied applied && applied.paymentId().equals(paymentId.value())
        && applied.money().sameAs(amount);
  }
}
