package io.esledger.infrastructure.serialization;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import java.util.Map;

/**
 * The JSON-B side shared by the event serializers: one configured {@link Jsonb} (decimals as
 * strings, so money keeps its scale) and a table from stored type names to records. An unknown
 * stored type fails loudly instead of being skipped.
 */
final class JsonbEvents<E> {

  private final String kind;
  private final Map<String, Class<? extends E>> types;
  private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig()
      .withSerializers(new DecimalAsString())
      .withDeserializers(new DecimalAsString()));

  JsonbEvents(String kind, Map<String, Class<? extends E>> types) {
    this.kind = kind;
    this.types = Map.copyOf(types);
  }

  String toJson(E event) {
    return jsonb.toJson(event);
  }

  E fromJson(String eventType, String data) {
    Class<? extends E> type = types.get(eventType);
    if (type == null) {
      throw new IllegalStateException("no " + kind + " event is stored as type " + eventType);
    }
    return jsonb.fromJson(data, type);
  }
}
