package io.esledger.interfaces.graphql.errors;

/** A read model could not reflect the writes asked for with consistentWith in time; retry. */
public class ConsistencyTimeoutException extends ApiException {

  public static final String CODE = "CONSISTENCY_TIMEOUT";

  public ConsistencyTimeoutException(String message) {
    super(message);
  }

  @Override
  public String code() {
    return CODE;
  }
}
