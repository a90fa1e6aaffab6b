package io.esledger.infrastructure.eventstore.elasticsearch;

import java.time.Duration;

/**
 * How the event log serves its readers: a refresh for them at most every {@code minRefreshInterval}
 * (they share it), and readers waiting at the head look for appends made by other processes every
 * {@code pollInterval} (appends made in this process wake them at once).
 */
public record LogSettings(Duration minRefreshInterval, Duration pollInterval) {

  public static final LogSettings DEFAULTS = new LogSettings(Duration.ofMillis(50), Duration.ofMillis(250));
}
