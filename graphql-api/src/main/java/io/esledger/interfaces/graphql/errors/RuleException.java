package io.esledger.interfaces.graphql.errors;

/** A rule of a payment's or an invoice's life refused the command; nothing was stored. The code names the rule. */
public class RuleException extends ApiException {

  public static final String INVALID_TRANSITION = "INVALID_TRANSITION";
  public static final String AMOUNT_EXCEEDS_AUTHORIZED = "AMOUNT_EXCEEDS_AUTHORIZED";
  public static final String AMOUNT_EXCEEDS_CAPTURED = "AMOUNT_EXCEEDS_CAPTURED";
  public static final String INVOICE_ALREADY_ISSUED = "INVOICE_ALREADY_ISSUED";
  public static final String CURRENCY_MISMATCH = "CURRENCY_MISMATCH";

  private final String code;

  public RuleException(String code, String message) {
    super(message);
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
