package io.esledger.interfaces.graphql.errors;

/** A rule of the invoice refused the command; nothing was stored. The code names the rule. */
public class InvoiceRuleException extends ApiException {

  public static final String INVOICE_ALREADY_ISSUED = "INVOICE_ALREADY_ISSUED";
  public static final String CURRENCY_MISMATCH = "CURRENCY_MISMATCH";

  private final String code;

  public InvoiceRuleException(String code, String message) {
    super(message);
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
