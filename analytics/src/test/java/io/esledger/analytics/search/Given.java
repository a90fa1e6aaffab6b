package io.esledger.analytics.search;

import java.time.Instant;

/**
 * One event a test appends: its type, when, who, which conversation and its data. Defaults keep
 * tests short: organization {@code org-a}, user {@code user-1}, an empty data object.
 */
record Given(String eventType, Instant at, String organizationId, String userId, String correlationId, String data) {

  static Given event(String eventType, String at) {
    return new Given(eventType, Instant.parse(at), "org-a", "user-1", null, "{}");
  }

  Given by(String organization, String user) {
    return new Given(eventType, at, organization, user, correlationId, data);
  }

  Given correlatedBy(String correlation) {
    return new Given(eventType, at, organizationId, userId, correlation, data);
  }

  Given data(String json) {
    return new Given(eventType, at, organizationId, userId, correlationId, json);
  }
}
