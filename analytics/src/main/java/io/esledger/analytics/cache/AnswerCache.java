package io.esledger.analytics.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Two-level cache of query answers: in-process first, then Redis when configured (shared by every
 * instance). Each answer remembers when its query was sent; a caller that needs the writes visible
 * after some instant only gets answers whose query was sent after it, from either level.
 */
public final class AnswerCache {

  private static final Logger LOG = Logger.getLogger(AnswerCache.class.getName());

  private final Clock clock;
  private final Duration ttl;
  private final int maxEntries;
  private final Optional<RedisAnswerStore> redis;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong redisHits = new AtomicLong();
  private final AtomicLong misses = new AtomicLong();

  public AnswerCache(Clock clock, Duration ttl, int maxEntries, Optional<RedisAnswerStore> redis) {
    this.clock = clock;
    this.ttl = ttl;
    this.maxEntries = maxEntries;
    this.redis = redis;
  }

  /**
   * The cached answer for {@code key} if fresh and sent after {@code visibleAfter}, else a newly
   * computed one (then cached at both levels).
   */
  public <T> T get(String key, Instant visibleAfter, Class<T> type, Supplier<T> compute) {
    Instant now = clock.instant();
    Entry local = entries.get(key);
    if (local != null && local.expiresAt().isAfter(now) && local.sentAt().isAfter(visibleAfter)) {
      hits.incrementAndGet();
      LOG.finer(() -> "cache hit (in-process) " + key);
      return type.cast(local.value());
    }
    Optional<RedisAnswerStore.Stored<T>> shared = redis.flatMap(r -> r.get(key, type))
        .filter(stored -> stored.sentAt().isAfter(visibleAfter));
    if (shared.isPresent()) {
      redisHits.incrementAndGet();
      LOG.finer(() -> "cache hit (redis) " + key);
      remember(key, shared.get().value(), shared.get().sentAt(), now);
      return shared.get().value();
    }
    misses.incrementAndGet();
    LOG.finer(() -> "cache miss " + key);
    T value = compute.get();
    remember(key, value, now, now);
    redis.ifPresent(r -> r.put(key, value, now, ttl));
    return value;
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
    return entries.size();
  }

  /** Whether a second level is configured and currently answering. */
  public boolean redisAvailable() {
    return redis.map(RedisAnswerStore::available).orElse(false);
  }

  private void remember(String key, Object value, Instant sentAt, Instant now) {
    if (entries.size() >= maxEntries) {
      evictExpiredOrAll(now);
    }
    entries.put(key, new Entry(value, sentAt, sentAt.plus(ttl)));
  }

  private void evictExpiredOrAll(Instant now) {
    entries.values().removeIf(e -> !e.expiresAt().isAfter(now));
    if (entries.size() >= maxEntries) {
      LOG.log(Level.FINE, "answer cache full ({0} entries); cleared", entries.size());
      entries.clear();
    }
  }

  private record Entry(Object value, Instant sentAt, Instant expiresAt) {}
}
