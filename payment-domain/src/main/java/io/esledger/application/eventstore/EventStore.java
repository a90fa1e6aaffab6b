package io.esledger.application.eventstore;

import java.util.List;
import java.util.Optional;

/**
 * Streams of events. Appends are atomic and guarded by an expected version; reads of one stream
 * are ordered by version and see every acknowledged append at once (no refresh wait).
 */
public interface EventStore {

  /**
   * Appends all events, or none, after {@code expected}.
   *
   * @throws WrongExpectedVersionException when the stream is not at the expected version
   * @throws EventStoreUnavailableException when the store cannot be reached or refuses the write
   */
  AppendResult append(StreamId stream, ExpectedVersion expected, List<NewEvent> events);

  /** Events of one stream with version >= {@code fromVersion}, in version order. */
  List<RecordedEvent> read(StreamId stream, int fromVersion);

  /** One event by its id; searches are near-real-time, so a just-appended event may not be found yet. */
  Optional<RecordedEvent> findEvent(String eventId);
}
