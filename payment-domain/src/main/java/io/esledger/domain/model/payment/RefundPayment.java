package io.esledger.domain.model.payment;

import java.math.BigDecimal;
import java.util.OptionalInt;

/** Command: pay back part or all of what was captured ({@code amount} null: all that is left). */
public record RefundPayment(PaymentId paymentId, BigDecimal amount, String reason, OptionalInt expectedVersion)
    implements PaymentCommand {

  public RefundPayment {
    expectedVersion = PaymentCommand.orEmpty(expectedVersion);
  }

  @Override
  public boolean isRetryOf(PaymentEvent first) {
    return first instanceof PaymentRefunded refunded && PaymentCommand.sameAmount(amount, refunded.amount());
  }
}
