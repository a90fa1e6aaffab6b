package io.esledger.domain.model.payment;

import java.util.OptionalInt;

/**
 * Command: process a payment of an amount. {@code expectedVersion}, when given, is the version of
 * the payment the caller decided on; the command is refused if the payment has moved on since.
 */
public record ProcessPayment(PaymentId paymentId, Money amount, OptionalInt expectedVersion) {

  public ProcessPayment {
    if (expectedVersion == null) {
      expectedVersion = OptionalInt.empty();
    }
  }
}
