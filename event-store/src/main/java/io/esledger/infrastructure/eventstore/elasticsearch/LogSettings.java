package io.esledger.infrastructure.eventstore.elasticsearch;

import java.time.Duration;

/**
 * How the store serves writers and log readers: a refresh for log readers at most every
 * {@code minRefreshInterval} (they share it); readers waiting at the head look for appends made by
 * other processes every {@code pollInterval} (appends made in this process wake them at once); an
 * append that waited {@code appendQueueTimeout} for a flusher (the cluster hangs) is refused unsent.
 */
public record LogSettings(Duration minRefreshInterval, Duration pollInterval, Duration appendQueueTimeout) {

  public static final LogSettings DEFAULTS =
      new LogSettings(Duration.ofMillis(50), Duration.ofMillis(250), Duration.ofSeconds(10));
}
