package io.esledger.interfaces.graphql.errors;

/** A rule of the payment's life refused the command; nothing was stored. The code names the rule. */
public class PaymentRuleException extends ApiException {

  public static final String INVALID_TRANSITION = "INVALID_TRANSITION";
  public static final String AMOUNT_EXCEEDS_AUTHORIZED = "AMOUNT_EXCEEDS_AUTHORIZED";
  public static final String AMOUNT_EXCEEDS_CAPTURED = "AMOUNT_EXCEEDS_CAPTURED";

  private final String code;

  public PaymentRuleException(String code, String message) {
    super(message);
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
