package io.esledger.analytics.projection;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** Time from an event's append to its read-model row being written: last, worst and average. */
public final class ProjectionLag {

  private final AtomicLong applied = new AtomicLong();
  private final AtomicLong totalMillis = new AtomicLong();
  private volatile long lastMillis;
  private volatile long maxMillis;

  void record(Instant appendedAt, Instant appliedAt) {
    long millis = Math.max(0, Duration.between(appendedAt, appliedAt).toMillis());
    lastMillis = millis;
    if (millis > maxMillis) {
      maxMillis = millis;
    }
    totalMillis.addAndGet(millis);
    applied.incrementAndGet();
  }

  public long appliedEvents() {
    return applied.get();
  }

  public long lastMillis() {
    return lastMillis;
  }

  public long maxMillis() {
    return maxMillis;
  }

  public double averageMillis() {
    long n = applied.get();
    return n == 0 ? 0 : (double) totalMillis.get() / n;
  }
}
