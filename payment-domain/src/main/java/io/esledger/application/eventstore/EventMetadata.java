package io.esledger.application.eventstore;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The envelope around an event: an open map of text values, kept apart from the event itself so
 * events stay pure business facts. The store knows none of its keys; correlation, causation,
 * organization, user and command id are conventions of the callers (accessors below), and any other
 * key is stored and read back as well. A null value is the same as an absent key.
 */
public record EventMetadata(Map<String, String> values) {

  /** Conventional keys, in one place. */
  public static final String CORRELATION_ID = "correlationId";
  public static final String CAUSATION_ID = "causationId";
  public static final String ORGANIZATION_ID = "organizationId";
  public static final String USER_ID = "userId";
  public static final String COMMAND_ID = "commandId";

  public EventMetadata {
    Map<String, String> present = new LinkedHashMap<>();
    if (values != null) {
      values.forEach((key, value) -> {
        if (key == null || key.isBlank()) {
          throw new IllegalArgumentException("a metadata key must not be blank");
        }
        if (value != null) {
          present.put(key, value);
        }
      });
    }
    values = Collections.unmodifiableMap(present);
  }

  /** The conventional envelope of a command's events. */
  public EventMetadata(
      String correlationId, String causationId, String organizationId, String userId, String commandId) {
    this(conventional(correlationId, causationId, organizationId, userId, commandId));
  }

  private static Map<String, String> conventional(
      String correlationId, String causationId, String organizationId, String userId, String commandId) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put(CORRELATION_ID, correlationId);
    values.put(CAUSATION_ID, causationId);
    values.put(ORGANIZATION_ID, organizationId);
    values.put(USER_ID, userId);
    values.put(COMMAND_ID, commandId);
    return values;
  }

  public String get(String key) {
    return values.get(key);
  }

  /** This envelope with one more value. */
  public EventMetadata with(String key, String value) {
    Map<String, String> more = new LinkedHashMap<>(values);
    more.put(key, value);
    return new EventMetadata(more);
  }

  public String correlationId() {
    return values.get(CORRELATION_ID);
  }

  public String causationId() {
    return values.get(CAUSATION_ID);
  }

  public String organizationId() {
    return values.get(ORGANIZATION_ID);
  }

  public String userId() {
    return values.get(USER_ID);
  }

  public String commandId() {
    return values.get(COMMAND_ID);
  }
}
