package io.esledger.domain.model.payment;

/** A capture asked for more than is authorized and not yet captured. */
public class AmountExceedsAuthorizedException extends PaymentRejectedException {

  public AmountExceedsAuthorizedException(PaymentId paymentId, Money asked, Money capturable) {
    super(paymentId, "cannot capture " + asked + " on payment " + paymentId + ": only " + capturable
        + " of the authorized amount is left to capture");
  }
}
