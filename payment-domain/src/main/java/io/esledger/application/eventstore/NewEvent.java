package io.esledger.application.eventstore;

import java.time.Instant;

/** An event about to be appended; {@code data} is the event's JSON object. */
public record NewEvent(String eventId, String eventType, String data, Instant timestamp, EventMetadata metadata) {}
