package io.esledger.interfaces.graphql.errors;

/** The request ran out of time before this field; the field was not run and stored nothing. */
public class TimeBudgetExceededException extends ApiException {

  public static final String CODE = "TIME_BUDGET_EXCEEDED";

  public TimeBudgetExceededException(String message) {
    super(message);
  }

  @Override
  public String code() {
    return CODE;
  }
}
