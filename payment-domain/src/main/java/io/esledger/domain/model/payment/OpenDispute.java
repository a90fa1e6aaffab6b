package io.esledger.domain.model.payment;

import java.math.BigDecimal;
import java.util.OptionalInt;

/**
 * Command: the payer disputes (charges back) part or all of what was captured and not refunded
 * ({@code amount} null: all of it), for a reason code from the card scheme.
 */
public record OpenDispute(PaymentId paymentId, BigDecimal amount, ReasonCode reasonCode, OptionalInt expectedVersion)
    implements PaymentCommand {

  public OpenDispute {
    expectedVersion = PaymentCommand.orEmpty(expectedVersion);
  }

  @Override
  public boolean isRetryOf(PaymentEvent first) {
    return first instanceof DisputeOpened opened && PaymentCommand.sameAmount(amount, opened.amount());
  }
}
