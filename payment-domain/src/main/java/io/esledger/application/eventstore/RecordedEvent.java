package io.esledger.application.eventstore;

import java.time.Instant;

/**
 * An event as stored: its place in its stream ({@code version}) plus what was appended. {@code data}
 * is in the shape of {@code schemaVersion}: as read through the store, its type's current one.
 */
public record RecordedEvent(
    String eventId,
    StreamId stream,
    int version,
    String eventType,
    int schemaVersion,
    String data,
    Instant timestamp,
    EventMetadata metadata) {

  /** An event of a type's first shape. */
  public RecordedEvent(String eventId, StreamId stream, int version, String eventType, String data, Instant timestamp,
      EventMetadata metadata) {
    this(eventId, stream, version, eventType, 1, data, timestamp, metadata);
  }

  /** The same event with its data in another shape. */
  public RecordedEvent withData(int schemaVersion, String data) {
    return new RecordedEvent(eventId, stream, version, eventType, schemaVersion, data, timestamp, metadata);
  }
}
