package io.esledger.domain.model.payment;

import java.util.OptionalInt;

/**
 * Command: record that a payment failed, with a reason code (e.g. {@code DECLINED}). A payment that
 * failed before it was authorized has no stream yet: it is created failed, with the amount that
 * was attempted when known ({@code amount} may be null).
 */
public record FailPayment(PaymentId paymentId, ReasonCode reasonCode, Money amount, OptionalInt expectedVersion)
    implements PaymentCommand {

  public FailPayment {
    expectedVersion = PaymentCommand.orEmpty(expectedVersion);
  }

  @Override
  public boolean mayCreate() {
    return true;
  }

  @Override
  public boolean isRetryOf(PaymentEvent first) {
    return first instanceof PaymentFailed failed && failed.reasonCode().equals(reasonCode.value());
  }
}
