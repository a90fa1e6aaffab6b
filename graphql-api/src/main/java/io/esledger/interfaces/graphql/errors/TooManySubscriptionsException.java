package io.esledger.interfaces.graphql.errors;

/** More {@code events} subscriptions open than allowed (per organization, or on this instance); close one first. */
public class TooManySubscriptionsException extends ApiException {

  public static final String CODE = "TOO_MANY_SUBSCRIPTIONS";

  public TooManySubscriptionsException(String message) {
    super(message);
  }

  @Override
  public String code() {
    return CODE;
  }
}
