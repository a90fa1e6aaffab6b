package io.esledger.domain.model.payment;

import java.math.BigDecimal;
import java.util.OptionalInt;

/**
 * Command: capture part or all of what is authorized. {@code amount} null captures all that is
 * left; {@code last} ends capturing after this one (the rest of the authorization is released).
 */
public record CapturePayment(PaymentId paymentId, BigDecimal amount, boolean last, OptionalInt expectedVersion)
    implements PaymentCommand {

  public CapturePayment {
    expectedVersion = PaymentCommand.orEmpty(expectedVersion);
  }

  @Override
  public boolean isRetryOf(PaymentEvent first) {
    return first instanceof PaymentCaptured captured && PaymentCommand.sameAmount(amount, captured.amount());
  }
}
