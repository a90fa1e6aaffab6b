package io.esledger.domain.model.payment;

/** The command does not apply to a payment in its current status (e.g. void after capture). */
public class InvalidTransitionException extends PaymentRejectedException {

  private final PaymentStatus status;

  public InvalidTransitionException(PaymentId paymentId, String command, PaymentStatus status, String rule) {
    super(paymentId, "cannot " + command + " payment " + paymentId + ": it is " + status + " (" + rule + ")");
    this.status = status;
  }

  public PaymentStatus status() {
    return status;
  }
}
