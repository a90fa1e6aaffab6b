package io.esledger.interfaces.graphql.errors;

/** The request carried no bearer token, or one that failed verification; nothing was read or stored. */
public class UnauthenticatedException extends ApiException {

  public static final String CODE = "UNAUTHENTICATED";

  public UnauthenticatedException(String message) {
    super(message);
  }

  @Override
  public String code() {
    return CODE;
  }
}
