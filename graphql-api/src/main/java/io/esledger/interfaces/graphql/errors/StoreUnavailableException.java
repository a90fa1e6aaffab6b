package io.esledger.interfaces.graphql.errors;

/** Elasticsearch is unreachable or refused the request; nothing was stored. */
public class StoreUnavailableException extends ApiException {

  public static final String CODE = "STORE_UNAVAILABLE";

  public StoreUnavailableException(String message) {
    super(message);
  }

  @Override
  public String code() {
    return CODE;
  }
}
