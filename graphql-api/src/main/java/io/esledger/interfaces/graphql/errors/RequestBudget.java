package io.esledger.interfaces.graphql.errors;

import java.time.Duration;

/**
 * How long one GraphQL request over HTTP may keep running fields. The budget starts when the
 * request passed the gate; every field is checked before it runs, so a request that used up its
 * budget runs no further field: those answer {@code TIME_BUDGET_EXCEEDED} (as with any error, a
 * refused non-null field makes the data null; what already ran has done its work). A field already
 * running is bounded by its own limits (Elasticsearch's socket timeout, the 10 s wait of a
 * consistency token). WebSocket subscriptions have no budget: they are meant to run long.
 */
public final class RequestBudget {

  private static final ThreadLocal<Deadline> DEADLINE = new ThreadLocal<>();
  /** The clock budgets are measured on (a test sets its own). */
  static java.util.function.LongSupplier nanoTime = System::nanoTime;

  private RequestBudget() {}

  /** A request's deadline, and the budget it came from (for the message). */
  public record Deadline(long nanos, Duration budget) {}

  /** Starts {@code budget} for the request on this thread; returns the one before, for {@link #leave}. */
  public static Deadline enter(Duration budget) {
    Deadline before = DEADLINE.get();
    DEADLINE.set(new Deadline(nanoTime.getAsLong() + budget.toNanos(), budget));
    return before;
  }

  public static void leave(Deadline before) {
    if (before == null) {
      DEADLINE.remove();
    } else {
      DEADLINE.set(before);
    }
  }

  /** Refuses the field about to run when this thread's request has used up its budget. */
  static void check(String operation) throws TimeBudgetExceededException {
    Deadline deadline = DEADLINE.get();
    if (deadline != null && nanoTime.getAsLong() - deadline.nanos() > 0) {
      throw new TimeBudgetExceededException(operation + " was not run: the request used up its time budget of "
          + deadline.budget().toMillis() + " ms (ledger.graphql.max-request-millis); send fewer fields per request");
    }
  }
}
