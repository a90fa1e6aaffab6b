package io.esledger.application.eventstore;

import java.time.Instant;

/** An event as stored: its place in its stream ({@code version}) plus what was appended. */
public record RecordedEvent(
    String eventId,
    StreamId stream,
    int version,
    String eventType,
    String data,
    Instant timestamp,
    EventMetadata metadata) {}
