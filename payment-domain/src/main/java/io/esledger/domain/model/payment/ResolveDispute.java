package io.esledger.domain.model.payment;

import java.util.OptionalInt;

/** Command: the open dispute was decided, for the merchant ({@code won}) or for the payer. */
public record ResolveDispute(PaymentId paymentId, boolean won, OptionalInt expectedVersion) implements PaymentCommand {

  public ResolveDispute {
    expectedVersion = PaymentCommand.orEmpty(expectedVersion);
  }

  @Override
  public boolean isRetryOf(PaymentEvent first) {
    return won ? first instanceof DisputeWon : first instanceof DisputeLost;
  }
}
