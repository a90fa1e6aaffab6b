package io.esledger.application.eventstore;

/**
 * Brings an event stored in an older shape to its type's current shape as it is read, so stream
 * reads, the log, search results and projections all see one shape per type. Stored documents are
 * never rewritten. The store applies it to every event it reads; {@link #NONE} keeps them as stored.
 */
@FunctionalInterface
public interface EventUpcaster {

  EventUpcaster NONE = stored -> stored;

  /** The event in its type's current shape and schema version (the same event when already current). */
  RecordedEvent upcast(RecordedEvent stored);
}
