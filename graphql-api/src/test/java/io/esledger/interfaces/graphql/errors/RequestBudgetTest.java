package io.esledger.interfaces.graphql.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A request that used up its time budget runs no further field; one within it is not touched. */
class RequestBudgetTest {

  private RequestBudget.Deadline before;
  private final java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong(1_000_000_000L);

  @org.junit.jupiter.api.BeforeEach
  void settableClock() {
    RequestBudget.nanoTime = now::get;
  }

  @AfterEach
  void leave() {
    RequestBudget.leave(before);
    RequestBudget.nanoTime = System::nanoTime;
  }

  @Test
  void a_field_after_the_budget_is_refused_and_not_run() throws Exception {
    before = RequestBudget.enter(Duration.ofMillis(50));
    AtomicInteger ran = new AtomicInteger();
    assertThat(Errors.translated("first", ran::incrementAndGet)).isEqualTo(1);

    now.addAndGet(Duration.ofMillis(49).toNanos());
    assertThat(Errors.translated("within", ran::incrementAndGet)).as("still within the budget").isEqualTo(2);
    now.addAndGet(Duration.ofMillis(2).toNanos()); // 51 ms after the request started

    assertThatThrownBy(() -> Errors.translated("second", ran::incrementAndGet))
        .isInstanceOf(TimeBudgetExceededException.class)
        .hasMessageContaining("second was not run")
        .hasMessageContaining("50 ms")
        .satisfies(e -> assertThat(((ApiException) e).code()).isEqualTo("TIME_BUDGET_EXCEEDED"));
    assertThat(ran).hasValue(2);
  }

  @Test
  void without_a_request_on_the_thread_nothing_is_limited() throws Exception {
    before = RequestBudget.enter(Duration.ofMillis(1));
    now.addAndGet(Duration.ofMillis(5).toNanos());
    RequestBudget.leave(null);

    assertThat(Errors.translated("any", () -> "ran")).isEqualTo("ran");
  }
}
