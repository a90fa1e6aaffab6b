package io.esledger.analytics.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * In-process cache of query answers (the first level). Each entry remembers when its query was
 * sent; a caller that needs writes visible after some instant only gets entries sent after it.
 */
public final class AnswerCache {

  private static final Logger LOG = Logger.getLogger(AnswerCache.class.getName());

  private final Clock clock;
  private final Duration ttl;
  private final int maxEntries;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong misses = new AtomicLong();

  public AnswerCache(Clock clock, Duration ttl, int maxEntries) {
    this.clock = clock;
    this.ttl = ttl;
    this.maxEntries = maxEntries;
  }

  /**
   * The cached answer for {@code key} if fresh and sent after {@code visibleAfter}, else a newly
   * computed one (then cached).
   */
  @SuppressWarnings("unchecked")
  public <T> T get(String key, Instant visibleAfter, Supplier<T> compute) {
    Instant now = clock.instant();
    Entry cached = entries.get(key);
    if (cached != null && cached.expiresAt().isAfter(now) && cached.sentAt().isAfter(visibleAfter)) {
      hits.incrementAndGet();
      LOG.finer(() -> "cache hit " + key);
      return (T) cached.value();
    }
    misses.incrementAndGet();
    LOG.finer(() -> "cache miss " + key);
    T value = compute.get();
    if (entries.size() >= maxEntries) {
      evictExpiredOrAll(now);
    }
    entries.put(key, new Entry(value, now, now.plus(ttl)));
    return value;
  }

  public long hits() {
    return hits.get();
  }

  public long misses() {
    return misses.get();
  }

  public int size() {
    return entries.size();
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
