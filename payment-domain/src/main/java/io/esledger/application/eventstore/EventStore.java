package io.esledger.application.eventstore;

import java.util.List;
import java.util.Map;
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

  /**
   * Many appends in one round trip, each atomic and guarded by its own expected version; one
   * refused append does not affect the others. Outcomes are in the order of the requests.
   */
  List<AppendOutcome> appendAll(List<AppendRequest> requests);

  /** Events of one stream with version >= {@code fromVersion}, in version order. */
  List<RecordedEvent> read(StreamId stream, int fromVersion);

  /** Whole streams, as {@link #read} from version 1 would give them, for many streams at once. */
  Map<StreamId, List<RecordedEvent>> readAll(List<StreamId> streams);

  /** One event by its id; searches are near-real-time, so a just-appended event may not be found yet. */
  Optional<RecordedEvent> findEvent(String eventId);
}
