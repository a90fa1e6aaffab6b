package io.esledger.domain.model.payment;

/** A payment is processed once; a second attempt is refused instead of recording it twice. */
public class PaymentAlreadyProcessedException extends PaymentRejectedException {

  public PaymentAlreadyProcessedException(PaymentId paymentId, int version) {
    super(paymentId, "payment " + paymentId + " was already processed (version " + version + ")");
  }
}
