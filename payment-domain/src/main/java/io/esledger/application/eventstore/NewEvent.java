package io.esledger.application.eventstore;

import java.time.Instant;

/**
 * An event about to be appended; {@code data} is the event's JSON object, in the shape of
 * {@code schemaVersion} of its type (1 for a type that never changed shape).
 */
public record NewEvent(
    String eventId, String eventType, int schemaVersion, String data, Instant timestamp, EventMetadata metadata) {

  /** An event of a type's first shape. */
  public NewEvent(String eventId, String eventType, String data, Instant timestamp, EventMetadata metadata) {
    this(eventId, eventType, 1, data, timestamp, metadata);
  }
}
