package io.esledger.infrastructure.eventstore.elasticsearch;

import java.time.Duration;

/**
 * How the store serves writers and log readers: a refresh for log readers at most every
 * {@code minRefreshInterval} (they share it); subscriptions at the head look for new appends every
 * {@code pollInterval}, or at once when someone waiting for a position wakes them; an
 * append that waited {@code appendQueueTimeout} for a flusher (the cluster hangs) is refused unsent.
 */
public record LogSettings(Duration minRefreshInterval, Duration pollInterval, Duration appendQueueTimeout) {

  public static final LogSettings DEFAULTS =
      new LogSettings(Duration.ofMillis(50), Duration.ofMillis(500), Duration.ofSeconds(10));
}
