package io.esledger.domain.model.payment;

/** A payment moves a positive amount; zero and negative amounts are refused. */
public class AmountNotPositiveException extends PaymentRejectedException {

  public AmountNotPositiveException(PaymentId paymentId, Money amount) {
    super(paymentId, "payment amount must be positive, was " + amount);
  }
}
