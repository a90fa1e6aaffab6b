package io.esledger.interfaces.graphql.errors;

/**
 * The write was sent but no answer came, and the store could not be asked whether it was applied.
 * It may be stored. Retrying the same command with the same {@code commandId} is safe.
 */
public class OutcomeUnknownApiException extends ApiException {

  public static final String CODE = "OUTCOME_UNKNOWN";

  public OutcomeUnknownApiException(String message) {
    super(message);
  }

  @Override
  public String code() {
    return CODE;
  }
}
