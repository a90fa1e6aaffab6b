package io.esledger.infrastructure.serialization;

import io.esledger.application.eventstore.EventUpcaster;
import io.esledger.application.eventstore.RecordedEvent;
import io.esledger.domain.model.payment.PaymentProcessed;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Every change of a payment event's shape, in one place: per stored type, a chain of small steps,
 * step {@code i} taking the JSON of schema version {@code i + 1} to version {@code i + 2}. A type's
 * current version is one more than its number of steps; new events are written in it, older
 * documents stay as they are and go through the remaining steps whenever they are read (stream
 * reads, the log, search results, projections). To change a shape: change the event record, add
 * one step here, never edit an earlier step.
 */
public final class PaymentEventUpcasters implements EventUpcaster {

  private static final Map<String, List<UnaryOperator<JsonObject>>> STEPS = Map.of(
      PaymentProcessed.TYPE, List.of(
          // 1 → 2: the time field is occurredAt in every payment event
          v1 -> renamed(v1, "processedAt", "occurredAt")));

  /** The version events of this type are written in now. */
  public int currentVersion(String eventType) {
    return 1 + STEPS.getOrDefault(eventType, List.of()).size();
  }

  @Override
  public RecordedEvent upcast(RecordedEvent stored) {
    List<UnaryOperator<JsonObject>> steps = STEPS.get(stored.eventType());
    if (steps == null || stored.schemaVersion() > steps.size()) {
      return stored; // current (or newer than this code knows: read as it is)
    }
    JsonObject data;
    try (JsonReader reader = Json.createReader(new StringReader(stored.data()))) {
      data = reader.readObject();
    }
    for (int step = Math.max(stored.schemaVersion(), 1) - 1; step < steps.size(); step++) {
      data = steps.get(step).apply(data);
    }
    return stored.withData(steps.size() + 1, data.toString());
  }

  /** The object with one field under a new name, in the same place among the others. */
  static JsonObject renamed(JsonObject data, String from, String to) {
    JsonObjectBuilder renamed = Json.createObjectBuilder();
    data.forEach((name, value) -> renamed.add(name.equals(from) ? to : name, value));
    return renamed.build();
  }
}
