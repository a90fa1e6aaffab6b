package io.esledger.domain.model.payment;

import java.util.OptionalInt;

/** Command: cancel an authorization before anything is captured. */
public record VoidPayment(PaymentId paymentId, OptionalInt expectedVersion) implements PaymentCommand {

  public VoidPayment {
    expectedVersion = PaymentCommand.orEmpty(expectedVersion);
  }

  @Override
  public boolean isRetryOf(PaymentEvent first) {
    return first instanceof PaymentVoided;
  }
}
