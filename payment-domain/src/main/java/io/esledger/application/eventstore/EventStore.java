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

  /** One event by its id; an acknowledged event is always found (empty only when there is none). */
  Optional<RecordedEvent> findEvent(String eventId);

  /**
   * The log from a position: commits after {@code after}, in order within each partition, at most
   * about {@code max} events, only those the filter matches. Reads only commits that are durable
   * (on every in-sync copy) and never skips one: a commit acknowledged late, after others that
   * follow it in the log, is read in its place before the reader can move past it.
   */
  LogPage readLog(LogPosition after, LogFilter filter, int max);

  /** A catch-up subscription from {@code after}: history first, then live, in log order. */
  LogSubscription subscribe(String name, LogPosition after, LogFilter filter, int max, LogSubscription.Consumer consumer);

  /**
   * The log's readable head now: every commit at or before it is durable and can be read (a
   * reader's refresh is made if needed, shared with other readers).
   */
  LogPosition head();

  /** Before the first commit of this store's log. */
  LogPosition logStart();

  /**
   * The identity of the log that positions belong to. It changes when the log is replaced — its
   * index restored from a snapshot, deleted and created again — since positions start over or go
   * back then: a position, checkpoint or token of another log means nothing in this one.
   */
  String logId();

  /**
   * A position covering every append this process has acknowledged or read so far (the basis of
   * consistency tokens: a reader that has passed it has seen all of them).
   */
  LogPosition acknowledgedThrough();
}
