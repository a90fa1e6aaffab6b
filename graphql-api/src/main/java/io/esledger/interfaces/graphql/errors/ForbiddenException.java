package io.esledger.interfaces.graphql.errors;

/**
 * The caller is known but may not do this: a role the token lacks, or another organization's data.
 * Nothing was read or stored.
 */
public class ForbiddenException extends ApiException {

  public static final String CODE = "FORBIDDEN";

  public ForbiddenException(String message) {
    super(message);
  }

  @Override
  public String code() {
    return CODE;
  }
}
