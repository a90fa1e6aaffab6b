package io.esledger.domain.model.payment;

/** A refund or dispute asked for more than was captured and not yet refunded or charged back. */
public class AmountExceedsCapturedException extends PaymentRejectedException {

  public AmountExceedsCapturedException(PaymentId paymentId, String command, Money asked, Money left) {
    super(paymentId, "cannot " + command + " " + asked + " on payment " + paymentId + ": only " + left
        + " of the captured amount is left");
  }
}
