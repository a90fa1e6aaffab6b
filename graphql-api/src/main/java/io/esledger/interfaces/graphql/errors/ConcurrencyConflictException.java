package io.esledger.interfaces.graphql.errors;

/** The payment changed since the expected version; nothing was stored. */
public class ConcurrencyConflictException extends ApiException {

  public static final String CODE = "CONCURRENCY_CONFLICT";

  public ConcurrencyConflictException(String message) {
    super(message);
  }

  @Override
  public String code() {
    return CODE;
  }
}
