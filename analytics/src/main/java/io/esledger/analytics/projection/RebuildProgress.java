package io.esledger.analytics.projection;

import java.time.Instant;

/** Where a rebuild stands; {@code finishedAt} is null while it runs. */
public record RebuildProgress(
    String state, long processedEvents, long totalEvents, long streams, double eventsPerSecond,
    Long etaSeconds, Instant startedAt, Instant finishedAt, String error) {

  /** For what is never rebuilt (a process manager: its effects are commands, not a read model). */
  public static final RebuildProgress NOT_REBUILT = new RebuildProgress("NOT_REBUILT", 0, 0, 0, 0, null, null, null,
      null);
}
