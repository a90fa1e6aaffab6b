package io.esledger.infrastructure.eventstore.view;

/** Field names of an event document, in one place (they are also the operators' REST view). */
public final class EventFields {

  public static final String EVENT_ID = "eventId";
  public static final String STREAM_ID = "streamId";
  public static final String AGGREGATE_ID = "aggregateId";
  public static final String AGGREGATE_TYPE = "aggregateType";
  public static final String EVENT_TYPE = "eventType";
  public static final String EVENT_DATA = "eventData";
  /** The shape of {@code eventData}, per event type; absent on documents written before it existed (1). */
  public static final String SCHEMA_VERSION = "schemaVersion";
  public static final String VERSION = "version";
  public static final String TIMESTAMP = "timestamp";
  public static final String CORRELATION_ID = "correlationId";
  public static final String CAUSATION_ID = "causationId";
  public static final String METADATA = "metadata";
  public static final String ORGANIZATION_ID = "organizationId";
  public static final String USER_ID = "userId";
  public static final String COMMAND_ID = "commandId";
  /** First version of the commit (one append) this event belongs to. */
  public static final String COMMIT_VERSION = "commitVersion";
  /** Number of events in that commit. */
  public static final String COMMIT_SIZE = "commitSize";
  /** On a commit's first document only, when it has more events: all of them (stored, not indexed). */
  public static final String COMMIT_EVENTS = "commitEvents";
  /** On a commit document of several events: the ids of the events after its first (searchable). */
  public static final String COMMIT_EVENT_IDS = "commitEventIds";

  private EventFields() {}
}
