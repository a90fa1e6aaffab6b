package io.esledger.interfaces.graphql.errors;

/** The payment was already processed; nothing was stored. */
public class PaymentAlreadyProcessedException extends ApiException {

  public static final String CODE = "PAYMENT_ALREADY_PROCESSED";

  public PaymentAlreadyProcessedException(String message) {
    super(message);
  }

  @Override
  public String code() {
    return CODE;
  }
}
