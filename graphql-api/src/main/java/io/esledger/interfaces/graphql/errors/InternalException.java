package io.esledger.interfaces.graphql.errors;

/** An unexpected failure; details are in the server log under the reference given. */
public class InternalException extends ApiException {

  public static final String CODE = "INTERNAL";

  public InternalException(String message) {
    super(message);
  }

  @Override
  public String code() {
    return CODE;
  }
}
