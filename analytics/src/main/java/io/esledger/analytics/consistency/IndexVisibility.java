package io.esledger.analytics.consistency;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.esledger.infrastructure.elasticsearch.ElasticsearchFailures;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * Makes writes searchable on demand. A refresh started after a write makes it visible, so callers
 * whose write is older than the last refresh's start pay nothing, and concurrent callers share one
 * refresh instead of each sending their own.
 */
public final class IndexVisibility {

  private static final Logger LOG = Logger.getLogger(IndexVisibility.class.getName());

  private final ElasticsearchClient client;
  private final String index;
  private final Clock clock;
  private final AtomicLong refreshes = new AtomicLong();
  private volatile Instant lastRefreshStart = Instant.EPOCH;

  public IndexVisibility(ElasticsearchClient client, String index, Clock clock) {
    this.client = client;
    this.index = index;
    this.clock = clock;
  }

  /**
   * Returns once everything written before {@code writtenBefore} is searchable; the instant
   * returned is a point after which any search sees it (useful to judge cached answers).
   */
  public Instant awaitVisible(Instant writtenBefore) {
    Instant seen = lastRefreshStart;
    if (seen.isAfter(writtenBefore)) {
      return seen;
    }
    synchronized (this) {
      if (lastRefreshStart.isAfter(writtenBefore)) {
        return lastRefreshStart; // a caller ahead of us refreshed meanwhile
      }
      Instant start = clock.instant();
      refresh();
      lastRefreshStart = start;
      refreshes.incrementAndGet();
      return start;
    }
  }

  /** How many refreshes consistency requests caused (an operator's cost figure). */
  public long refreshes() {
    return refreshes.get();
  }

  private void refresh() {
    try {
      client.indices().refresh(r -> r.index(index));
    } catch (IOException | RuntimeException e) {
      LOG.warning(() -> "refresh of " + index + " failed: " + e);
      throw ElasticsearchFailures.unavailable("make " + index + " searchable", e);
    }
  }
}
