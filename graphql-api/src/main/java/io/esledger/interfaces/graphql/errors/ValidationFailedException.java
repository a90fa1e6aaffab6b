package io.esledger.interfaces.graphql.errors;

import java.util.Map;

/** The input was refused; {@code extensions.field} names the offending field. Nothing was stored. */
public class ValidationFailedException extends ApiException {

  public static final String CODE = "VALIDATION_FAILED";

  private final String field;

  public ValidationFailedException(String field, String message) {
    super(field + ": " + message);
    this.field = field;
  }

  public String field() {
    return field;
  }

  @Override
  protected Map<String, Object> details() {
    return Map.of("field", field);
  }

  @Override
  public String code() {
    return CODE;
  }
}
