package io.esledger.analytics.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Two-level cache of query answers: in-process first (Caffeine), then Redis when configured (shared
 * by every instance). Each answer remembers when its query was sent and expires a fixed time after
 * that; a caller that needs the writes visible after some instant only gets answers whose query was
 * sent after it, from either level. The in-process level is bounded by weight — an answer weighs
 * one plus the number of buckets or items it holds — and evicts what is least likely to be used
 * again, not everything at once. Concurrent misses of one key compute it once: the others wait for
 * that answer instead of sending the same aggregation again.
 */
public final class AnswerCache {

  private static final Logger LOG = Logger.getLogger(AnswerCache.class.getName());

  private final Clock clock;
  private final Duration ttl;
  private final Optional<RedisAnswerStore> redis;
  private final Cache<String, Entry> entries;
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong redisHits = new AtomicLong();
  private final AtomicLong misses = new AtomicLong();

  /** {@code maxWeight}: the in-process level's bound, in answers plus the buckets and items they hold. */
  public AnswerCache(Clock clock, Duration ttl, long maxWeight, Optional<RedisAnswerStore> redis) {
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
   * The cached answer for {@code key} if fresh and sent after {@code visibleAfter}, else a newly
   * computed one (then cached at both levels).
   */
  public <T> T get(String key, Instant visibleAfter, Class<T> type, Supplier<T> compute) {
    Entry local = entries.getIfPresent(key);
    if (local != null && local.usableAfter(visibleAfter, clock.instant())) {
      hits.incrementAndGet();
      LOG.finer(() -> "cache hit (in-process) " + key);
      return type.cast(local.value());
    }
    // one computation per key at a time: concurrent callers wait for it and take its answer
    Entry answered = entries.asMap().compute(key, (k, current) -> {
      Instant now = clock.instant();
      if (current != null && current.usableAfter(visibleAfter, now)) {
        hits.incrementAndGet(); // computed by a caller this one waited for
        return current;
      }
      Optional<RedisAnswerStore.Stored<T>> shared = redis.flatMap(r -> r.get(key, type))
          .filter(stored -> stored.sentAt().isAfter(visibleAfter));
      if (shared.isPresent()) {
        redisHits.incrementAndGet();
        LOG.finer(() -> "cache hit (redis) " + key);
        return Entry.of(shared.get().value(), shared.get().sentAt(), ttl);
      }
      misses.incrementAndGet();
      LOG.finer(() -> "cache miss " + key);
      T value = compute.get();
      redis.ifPresent(r -> r.put(key, value, now, ttl));
      return Entry.of(value, now, ttl);
    });
    return type.cast(answered.value());
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

  /** Whether a second level is configured and currently answering. */
  public boolean redisAvailable() {
    return redis.map(RedisAnswerStore::available).orElse(false);
  }

  private record Entry(Object value, Instant sentAt, Instant expiresAt, int weight) {

    static Entry of(Object value, Instant sentAt, Duration ttl) {
      return new Entry(value, sentAt, sentAt.plus(ttl), weigh(value));
    }

    boolean usableAfter(Instant visibleAfter, Instant now) {
      return expiresAt.isAfter(now) && sentAt.isAfter(visibleAfter);
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
