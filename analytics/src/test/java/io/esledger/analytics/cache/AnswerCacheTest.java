package io.esledger.analytics.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import io.esledger.application.eventstore.LogPosition;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The in-process level alone (no Redis): single flight, weight bound, expiry, consistency. */
class AnswerCacheTest {

  private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
  private static final LogPosition AT_5 = LogPosition.of(5);
  private static final LogPosition AT_6 = LogPosition.of(6);

  /** A clock the test moves. */
  private static final class MovingClock extends Clock {
    private volatile Instant now = T0;

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  /** An answer; public, as JSON-B reads only public types. */
  public record Buckets(List<Integer> buckets) {}

  private final MovingClock clock = new MovingClock();

  @Test
  void concurrent_misses_of_one_key_compute_it_once() throws Exception {
    AnswerCache cache = new AnswerCache(clock, Duration.ofMinutes(5), 1_000, Optional.empty());
    AtomicInteger computed = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<String>> answers = new ArrayList<>();
    List<Thread> callers = new java.util.concurrent.CopyOnWriteArrayList<>();
    for (int i = 0; i < 8; i++) {
      answers.add(pool.submit(() -> callers.add(Thread.currentThread()) ? cache.get("k", null, () -> AT_5,
          String.class, () -> {
        computed.incrementAndGet();
        try {
          release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return "answer";
      }) : null));
    }
    // every caller is inside the cache, waiting (one on the release, seven on that one computation)
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (callers.size() < 8 || callers.stream().anyMatch(t -> t.getState() == Thread.State.RUNNABLE)) {
      assertThat(System.nanoTime()).as("all 8 callers waiting").isLessThan(deadline);
      Thread.onSpinWait();
    }
    assertThat(computed).as("one computation while all 8 wait").hasValue(1);
    release.countDown();
    for (Future<String> answer : answers) {
      assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo("answer");
    }
    pool.shutdown();
    assertThat(computed).hasValue(1);
    assertThat(cache.misses()).isEqualTo(1);
    assertThat(cache.hits()).isEqualTo(7);
  }

  @Test
  void the_bound_is_a_weight_and_eviction_keeps_most_answers() {
    AnswerCache cache = new AnswerCache(clock, Duration.ofMinutes(5), 100, Optional.empty());
    for (int i = 0; i < 20; i++) {
      cache.get("k" + i, null, () -> AT_5, Buckets.class, () -> new Buckets(Collections.nCopies(9, 0))); // weight 10
    }
    assertThat(cache.size()).as("not cleared all at once").isBetween(5, 10);
  }

  @Test
  void an_answer_expires_and_one_older_than_a_write_is_not_served() {
    AnswerCache cache = new AnswerCache(clock, Duration.ofMinutes(5), 1_000, Optional.empty());
    AtomicInteger computed = new AtomicInteger();
    cache.get("k", null, () -> AT_5, Integer.class, computed::incrementAndGet);
    cache.get("k", null, () -> AT_5, Integer.class, computed::incrementAndGet);
    assertThat(computed).as("the second was a hit").hasValue(1);

    assertThat(cache.get("k", AT_6, () -> AT_6, Integer.class, computed::incrementAndGet))
        .as("the caller needs a write the answer does not reflect").isEqualTo(2);

    clock.now = T0.plus(Duration.ofMinutes(6));
    assertThat(cache.get("k", null, () -> AT_5, Integer.class, computed::incrementAndGet)).isEqualTo(3);
  }

  /** A second level that fails while the test says so. */
  private static final class FlakySecondLevel implements SecondLevel {
    final Map<String, String> stored = new ConcurrentHashMap<>();
    volatile boolean down;

    @Override
    public Optional<String> get(String key) {
      if (down) {
        throw new IllegalStateException("connection refused");
      }
      return Optional.ofNullable(stored.get(key));
    }

    @Override
    public void put(String key, String text, Duration ttl) {
      if (down) {
        throw new IllegalStateException("connection refused");
      }
      stored.put(key, text);
    }
  }

  @Test
  void a_failing_second_level_is_a_miss_and_is_used_again_once_it_answers() {
    FlakySecondLevel shared = new FlakySecondLevel();
    shared.down = true;
    AnswerCache cache = new AnswerCache(clock, Duration.ofMinutes(5), 1_000, Optional.of(shared));
    AtomicInteger computed = new AtomicInteger();

    Buckets answer = cache.get("a", null, () -> AT_5, Buckets.class, () -> {
      computed.incrementAndGet();
      return new Buckets(List.of(1, 2));
    });
    assertThat(answer.buckets()).containsExactly(1, 2);
    assertThat(cache.redisAvailable()).isFalse();
    assertThat(cache.redisFailures()).isEqualTo(2);
    assertThat(shared.stored).isEmpty();

    shared.down = false;
    cache.get("b", null, () -> AT_5, Buckets.class, () -> new Buckets(List.of(3)));
    assertThat(cache.redisAvailable()).isTrue();
    AnswerCache other = new AnswerCache(clock, Duration.ofMinutes(5), 1_000, Optional.of(shared));
    assertThat(other.get("b", null, () -> AT_5, Buckets.class, () -> new Buckets(List.of(9))).buckets())
        .as("another instance reads the shared answer").containsExactly(3);
    assertThat(other.redisHits()).isEqualTo(1);
    assertThat(computed).hasValue(1);
  }

  @Test
  void an_instance_whose_clock_runs_ahead_never_serves_an_answer_from_before_a_write() {
    FlakySecondLevel shared = new FlakySecondLevel();
    MovingClock ahead = new MovingClock();
    ahead.now = T0.plusSeconds(2); // its clock is 2 s ahead of the other's
    AnswerCache fast = new AnswerCache(ahead, Duration.ofMinutes(5), 1_000, Optional.of(shared));
    AnswerCache other = new AnswerCache(clock, Duration.ofMinutes(5), 1_000, Optional.of(shared));
    AtomicInteger computed = new AtomicInteger();

    // the fast instance answers before a write at position 6 (its answer reflects 5)...
    fast.get("k", null, () -> AT_5, Integer.class, computed::incrementAndGet);
    // ...then the write is made and its token (6) asked for on the other instance, whose clock says
    // the write came before the cached answer was computed
    int answer = other.get("k", AT_6, () -> AT_6, Integer.class, computed::incrementAndGet);

    assertThat(answer).as("computed again: the shared answer does not reflect the write").isEqualTo(2);
    assertThat(other.redisHits()).isZero();
    assertThat(fast.get("k", AT_6, () -> AT_6, Integer.class, computed::incrementAndGet))
        .as("the new answer, shared, serves the token on the fast instance too").isEqualTo(2);
  }
}
