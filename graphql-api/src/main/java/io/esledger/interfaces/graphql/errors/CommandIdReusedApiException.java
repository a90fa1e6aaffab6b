package io.esledger.interfaces.graphql.errors;

/** The commandId was already used for a different command; nothing was stored. */
public class CommandIdReusedApiException extends ApiException {

  public static final String CODE = "COMMAND_ID_REUSED";

  public CommandIdReusedApiException(String message) {
    super(message);
  }

  @Override
  public String code() {
    return CODE;
  }
}
