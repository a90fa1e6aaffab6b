package io.esledger.application.eventstore;

/**
 * The envelope around an event: who caused it and which conversation it belongs to. Kept apart
 * from the event itself so events stay pure business facts.
 */
public record EventMetadata(
    String correlationId, String causationId, String organizationId, String userId, String commandId) {

  /** Stored field names, in one place. */
  public static final String CORRELATION_ID = "correlationId";
  public static final String CAUSATION_ID = "causationId";
  public static final String ORGANIZATION_ID = "organizationId";
  public static final String USER_ID = "userId";
  public static final String COMMAND_ID = "commandId";
}
