package io.esledger.domain.model.payment;

import java.util.OptionalInt;

/** Command: start a payment by authorizing (reserving) an amount, to be captured later. */
public record AuthorizePayment(PaymentId paymentId, Money amount, OptionalInt expectedVersion)
    implements PaymentCommand {

  public AuthorizePayment {
    expectedVersion = PaymentCommand.orEmpty(expectedVersion);
  }

  @Override
  public boolean mayCreate() {
    return true;
  }

  @Override
  public boolean isRetryOf(PaymentEvent first) {
    return first instanceof PaymentAuthorized authorized && authorized.money().sameAs(amount);
  }
}
