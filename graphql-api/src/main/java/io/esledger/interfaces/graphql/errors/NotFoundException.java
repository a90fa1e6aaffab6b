package io.esledger.interfaces.graphql.errors;

/** Nothing exists under that id. */
public class NotFoundException extends ApiException {

  public static final String CODE = "NOT_FOUND";

  public NotFoundException(String message) {
    super(message);
  }

  @Override
  public String code() {
    return CODE;
  }
}
