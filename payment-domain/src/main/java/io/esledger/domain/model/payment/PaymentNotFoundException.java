package io.esledger.domain.model.payment;

/** The command needs an existing payment, and there is none by that id (in the caller's organization). */
public class PaymentNotFoundException extends PaymentRejectedException {

  public PaymentNotFoundException(PaymentId paymentId, String command) {
    super(paymentId, "cannot " + command + " payment " + paymentId + ": there is no such payment");
  }
}
