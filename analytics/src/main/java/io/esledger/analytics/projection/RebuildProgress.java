package io.esledger.analytics.projection;

import java.time.Instant;

/** Where a rebuild stands; {@code finishedAt} is null while it runs. */
public record RebuildProgress(
    String state, long processedEvents, long totalEvents, long streams, double eventsPerSecond,
    Long etaSeconds, Instant startedAt, Instant finishedAt, String error) {}
