package io.esledger.domain.model.payment;

import java.util.OptionalInt;

/** Command: authorize and capture an amount in one step (a payment's whole life for the simple case). */
public record ProcessPayment(PaymentId paymentId, Money amount, OptionalInt expectedVersion) implements PaymentCommand {

  public ProcessPayment {
    expectedVersion = PaymentCommand.orEmpty(expectedVersion);
  }

  @Override
  public boolean mayCreate() {
    return true;
  }

  @Override
  public boolean isRetryOf(PaymentEvent first) {
    return first instanceof PaymentProcessed processed && processed.money().sameAs(amount);
  }
}
