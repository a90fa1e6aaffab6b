package io.esledger.domain.model.payment;

/** A business rule refused a command on a payment. Expected; nothing was stored. */
public abstract class PaymentRejectedException extends Exception {

  private final PaymentId paymentId;

  protected PaymentRejectedException(PaymentId paymentId, String message) {
    super(message);
    this.paymentId = paymentId;
  }

  public PaymentId paymentId() {
    return paymentId;
  }
}
