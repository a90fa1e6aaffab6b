package io.esledger.analytics.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.esledger.analytics.search.DateBucket;
import io.esledger.analytics.search.EventStatistics;
import io.esledger.analytics.search.TermBucket;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import io.esledger.application.eventstore.LogPosition;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The two cache levels against a real Redis server (started by the build), and without one. */
class AnswerCacheIT {

  private static final Duration TTL = Duration.ofMinutes(5);
  private final Clock clock = Clock.systemUTC();
  private final String key = "stats-" + UUID.randomUUID();
  private final AtomicInteger computed = new AtomicInteger();
  private RedisAnswerStore redis;

  private static URI redisUrl() {
    return URI.create("redis://127.0.0.1:" + System.getProperty("redis.port", "6379"));
  }

  @AfterEach
  void close() {
    if (redis != null) {
      redis.close();
    }
  }

  private EventStatistics compute() {
    computed.incrementAndGet();
    return new EventStatistics(3, List.of(new DateBucket(Instant.parse("2026-03-02T10:00:00Z"), 3)),
        List.of(new TermBucket("org-1", 2), new TermBucket("org-2", 1)), List.of(new TermBucket("user-1", 3)));
  }

  private AnswerCache instance() {
    return new AnswerCache(clock, TTL, 100, Optional.of(redis));
  }

  @Test
  void an_answer_computed_by_one_instance_is_served_to_another_from_redis() {
    redis = new RedisAnswerStore(redisUrl(), Duration.ofMillis(500), 4);
    EventStatistics first = instance().get(key, null, () -> LogPosition.of(1), EventStatistics.class, this::compute);

    AnswerCache other = instance();
    EventStatistics shared = other.get(key, null, () -> LogPosition.of(1), EventStatistics.class, this::compute);
    EventStatistics local = other.get(key, null, () -> LogPosition.of(1), EventStatistics.class, this::compute);

    assertThat(computed).hasValue(1);
    assertThat(shared).isEqualTo(first);
    assertThat(other.redisHits()).isEqualTo(1);
    assertThat(other.hits()).isEqualTo(1);
  }

  @Test
  void an_answer_older_than_a_requested_write_is_not_served_from_either_level() {
    redis = new RedisAnswerStore(redisUrl(), Duration.ofMillis(500), 4);
    AnswerCache cache = instance();
    LogPosition beforeTheWrite = LogPosition.of(41);
    LogPosition theWrite = LogPosition.of(42);
    cache.get(key, null, () -> beforeTheWrite, EventStatistics.class, this::compute);

    cache.get(key, theWrite, () -> theWrite, EventStatistics.class, this::compute);
    instance().get(key, theWrite, () -> theWrite, EventStatistics.class, this::compute);

    assertThat(computed).hasValue(2); // the second answer reflects the write; the third reuses it
  }

  @Test
  void without_redis_answers_are_still_computed_and_cached_in_process() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    redis = new RedisAnswerStore(URI.create("redis://127.0.0.1:" + closedPort), Duration.ofMillis(500), 4);
    AnswerCache cache = instance();

    EventStatistics answer = cache.get(key, null, () -> LogPosition.of(1), EventStatistics.class, this::compute);
    cache.get(key, null, () -> LogPosition.of(1), EventStatistics.class, this::compute);

    assertThat(answer.total()).isEqualTo(3);
    assertThat(computed).hasValue(1);
    assertThat(cache.hits()).isEqualTo(1);
    assertThat(cache.redisAvailable()).isFalse();
    assertThat(cache.redisFailures()).isEqualTo(2); // the look-up and the store of the one computed answer
  }

  @Test
  void a_redis_that_requires_a_password_is_used_with_the_one_in_the_url_and_skipped_with_a_wrong_one()
      throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Process server = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
        "--requirepass", "s3cret/with:odd@chars", "--save", "", "--appendonly", "no").redirectErrorStream(true).start();
    try {
      URI good = URI.create("redis://:" + java.net.URLEncoder.encode("s3cret/with:odd@chars",
          java.nio.charset.StandardCharsets.UTF_8) + "@127.0.0.1:" + port);
      boolean answered = false;
      for (int i = 0; i < 50 && !answered; i++) { // until the server listens
        try (RedisAnswerStore store = new RedisAnswerStore(good, Duration.ofMillis(500), 4)) {
          store.put(key, "an answer", TTL);
          answered = store.get(key).equals(Optional.of("an answer"));
        } catch (RuntimeException notListeningYet) {
          answered = false;
        }
        if (!answered) {
          Thread.sleep(100);
        }
      }
      assertThat(answered).as("the answer was stored and read with the password from the URL").isTrue();

      redis = new RedisAnswerStore(URI.create("redis://:wrong@127.0.0.1:" + port), Duration.ofMillis(500), 4);
      AnswerCache cache = instance();
      EventStatistics answer = cache.get(key, null, () -> LogPosition.of(1), EventStatistics.class, this::compute);
      assertThat(answer.total()).as("a wrong password: computed, no failure").isEqualTo(3);
      assertThat(cache.redisAvailable()).isFalse();
    } finally {
      server.destroy();
      server.waitFor();
    }
  }
}
