package io.esledger.application;

import io.esledger.application.eventstore.EventMetadata;
import java.util.UUID;

/**
 * Who sends a command and in which conversation. {@code commandId} makes a retry safe: the same
 * command id on the same payment returns the first result instead of storing anything again.
 */
public record CommandContext(
    String commandId, String correlationId, String causationId, String organizationId, String userId) {

  /**
   * The envelope of the events this command records: the correlation id given, else the command id,
   * else a new one; the causation id given, else the command id, else the correlation id.
   */
  public EventMetadata metadata() {
    String correlation = firstNonNull(correlationId, commandId, UUID.randomUUID().toString());
    String causation = firstNonNull(causationId, commandId, correlation);
    return new EventMetadata(correlation, causation, organizationId, userId, commandId);
  }

  private static String firstNonNull(String... candidates) {
    for (String candidate : candidates) {
      if (candidate != null) {
        return candidate;
      }
    }
    return null;
  }
}
