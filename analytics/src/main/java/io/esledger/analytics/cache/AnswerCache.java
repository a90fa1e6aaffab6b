package io.esledger.analytics.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.esledger.application.eventstore.LogPosition;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Two-level cache of query answers: in-process first (Caffeine), then Redis when configured (shared
 * by every instance). Each answer carries the log position it reflects (everything up to it was
 * searchable when its query was sent) and expires a fixed time after it was computed; a caller that
 * needs writes up to a position (a consistency token) only gets answers whose position covers it,
 * from either level. Positions, not instants, decide: no instance's clock is compared with
 * another's. The in-process level is bounded by weight — an answer weighs
 * one plus the number of buckets or items it holds — and evicts what is least likely to be used
 * again, not everything at once. Concurrent misses of one key compute it once: the others wait for
 * that answer instead of sending the same aggregation again. The second level is best effort: any
 * failure of it is a miss (logged when it starts and when it ends), never a failed query.
 */
public final class AnswerCache {

  private static final Logger LOG = Logger.getLogger(AnswerCache.class.getName());

  private final Clock clock;
  private final Duration ttl;
  private final Optional<? extends SecondLevel> redis;
  private final Jsonb json = JsonbBuilder.create();
  private final Cache<String, Entry> entries;
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong redisHits = new AtomicLong();
  private final AtomicLong redisFailures = new AtomicLong();
  private final AtomicLong misses = new AtomicLong();
  private volatile boolean redisAnswering = true;

  /** {@code maxWeight}: the in-process level's bound, in answers plus the buckets and items they hold. */
  public AnswerCache(Clock clock, Duration ttl, long maxWeight, Optional<? extends SecondLevel> redis) {
    this.clock = clock;
    this.ttl = ttl;
    this.redis = redis;
    this.entries = Caffeine.newBuilder()
        .maximumWeight(maxWeight)
        .weigher((String key, Entry entry) -> entry.weight())
        .expireAfter(new Expiry<String, Entry>() {
          @Override
          public long expireAfterCreate(String key, Entry entry, long now) {
            return entry.nanosLeft(clock.instant());
          }

          @Override
          public long expireAfterUpdate(String key, Entry entry, long now, long current) {
            return entry.nanosLeft(clock.instant());
          }

          @Override
          public long expireAfterRead(String key, Entry entry, long now, long current) {
            return current;
          }
        })
        .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis())) // the cache's time is the injected clock
        .build();
  }

  /**
   * The cached answer for {@code key} if fresh and reflecting at least {@code needs} (null: any
   * fresh answer), else a newly computed one (then cached at both levels). {@code searchable} says
   * what a query sent now is sure to see; it is asked just before computing.
   */
  public <T> T get(String key, LogPosition needs, Supplier<LogPosition> searchable, Class<T> type,
      Supplier<T> compute) {
    Entry local = entries.getIfPresent(key);
    if (local != null && local.usableFor(needs, clock.instant())) {
      hits.incrementAndGet();
      LOG.finer(() -> "cache hit (in-process) " + key);
      return type.cast(local.value());
    }
    // one computation per key at a time: concurrent callers wait for it and take its answer
    Entry answered = entries.asMap().compute(key, (k, current) -> {
      Instant now = clock.instant();
      if (current != null && current.usableFor(needs, now)) {
        hits.incrementAndGet(); // computed by a caller this one waited for
        return current;
      }
      Optional<Entry> shared = shared(key, type).filter(stored -> stored.usableFor(needs, now));
      if (shared.isPresent()) {
        redisHits.incrementAndGet();
        LOG.finer(() -> "cache hit (redis) " + key);
        return shared.get();
      }
      misses.incrementAndGet();
      LOG.finer(() -> "cache miss " + key);
      LogPosition reflects = searchable.get();
      T value = compute.get();
      Entry entry = Entry.of(value, now, reflects, ttl);
      share(key, entry);
      return entry;
    });
    return type.cast(answered.value());
  }

  /** The answer another instance (or an earlier life of this one) left in the second level. */
  private Optional<Entry> shared(String key, Class<?> type) {
    if (redis.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> text;
    try {
      text = redis.get().get(key);
      answered();
    } catch (RuntimeException failure) { // an outage, a timeout, an open circuit, a full bulkhead
      failed(failure);
      return Optional.empty();
    }
    try {
      return text.map(stored -> {
        // <computed at>|<position it reflects, or nothing>|<answer>; the instant only bounds its life
        int bar = stored.indexOf('|');
        int second = stored.indexOf('|', bar + 1);
        Instant sentAt = Instant.parse(stored.substring(0, bar));
        String position = stored.substring(bar + 1, second);
        return Entry.of(json.fromJson(stored.substring(second + 1), type), sentAt,
            position.isEmpty() ? null : LogPosition.parse(position), ttl);
      });
    } catch (RuntimeException unreadable) { // written by another version of the answer's type
      LOG.fine(() -> "cached answer " + key + " no longer reads: " + unreadable);
      return Optional.empty();
    }
  }

  private void share(String key, Entry entry) {
    if (redis.isEmpty()) {
      return;
    }
    String text;
    try {
      text = entry.sentAt() + "|" + (entry.reflects() == null ? "" : entry.reflects().encode()) + "|"
          + json.toJson(entry.value());
    } catch (RuntimeException notSerializable) { // kept in process only
      LOG.fine(() -> "answer " + key + " is not shared: " + notSerializable);
      return;
    }
    try {
      redis.get().put(key, text, ttl);
      answered();
    } catch (RuntimeException failure) {
      failed(failure);
    }
  }

  private void answered() {
    if (!redisAnswering) {
      redisAnswering = true;
      LOG.info("Redis cache answers again: both cache levels in use");
    }
  }

  private void failed(RuntimeException failure) {
    redisFailures.incrementAndGet();
    if (redisAnswering) {
      redisAnswering = false;
      LOG.log(Level.WARNING, "Redis cache unavailable (" + failure.getClass().getSimpleName() + ": "
          + failure.getMessage() + "); answers come from Elasticsearch and the in-process cache until it answers");
    }
  }

  /** Hits from the in-process level. */
  public long hits() {
    return hits.get();
  }

  /** Hits from Redis (answers another instance, or an earlier life of this one, computed). */
  public long redisHits() {
    return redisHits.get();
  }

  public long misses() {
    return misses.get();
  }

  public int size() {
    entries.cleanUp();
    return (int) entries.estimatedSize();
  }

  /** Calls to the second level that failed or were refused (a running total). */
  public long redisFailures() {
    return redisFailures.get();
  }

  /** Whether a second level is configured and its last call succeeded. */
  public boolean redisAvailable() {
    return redis.isPresent() && redisAnswering;
  }

  private record Entry(Object value, Instant sentAt, LogPosition reflects, Instant expiresAt, int weight) {

    static Entry of(Object value, Instant sentAt, LogPosition reflects, Duration ttl) {
      return new Entry(value, sentAt, reflects, sentAt.plus(ttl), weigh(value));
    }

    /** Fresh, and — when a position is needed — reflecting it (positions of one log only). */
    boolean usableFor(LogPosition needs, Instant now) {
      return expiresAt.isAfter(now) && (needs == null
          || reflects != null && reflects.partitions() == needs.partitions() && reflects.covers(needs));
    }

    long nanosLeft(Instant now) {
      return Math.max(0, Duration.between(now, expiresAt).toNanos());
    }

    /** One for the answer, plus the size of every collection it holds (its buckets, items). */
    private static int weigh(Object value) {
      int weight = 1;
      if (value instanceof Collection<?> items) {
        return weight + items.size();
      }
      if (value != null && value.getClass().isRecord()) {
        for (RecordComponent component : value.getClass().getRecordComponents()) {
          try {
            if (component.getAccessor().invoke(value) instanceof Collection<?> items) {
              weight += items.size();
            }
          } catch (ReflectiveOperationException | RuntimeException unreadable) {
            // weigh what can be read
          }
        }
      }
      return weight;
    }
  }
}
