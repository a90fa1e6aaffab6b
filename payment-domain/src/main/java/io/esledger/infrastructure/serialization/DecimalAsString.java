package io.esledger.infrastructure.serialization;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.bind.serializer.JsonbSerializer;
import jakarta.json.bind.serializer.SerializationContext;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;
import java.math.BigDecimal;

/**
 * Amounts are stored as decimal strings ({@code "100.00"}), not JSON numbers: every JSON parser on
 * the way (Elasticsearch's client buffers search hits through doubles) keeps a string exact, scale
 * included. Elasticsearch still indexes them as numbers where the mapping says so (it coerces).
 */
final class DecimalAsString implements JsonbSerializer<BigDecimal>, JsonbDeserializer<BigDecimal> {

  @Override
  public void serialize(BigDecimal value, JsonGenerator generator, SerializationContext context) {
    generator.write(value.toPlainString());
  }

  @Override
  public BigDecimal deserialize(JsonParser parser, DeserializationContext context, Type type) {
    JsonValue value = parser.getValue();
    if (value instanceof JsonString text) {
      return new BigDecimal(text.getString());
    }
    if (value instanceof JsonNumber number) {
      return number.bigDecimalValue(); // events stored before amounts became strings
    }
    throw new IllegalStateException("amount must be a decimal string, was " + value.getValueType());
  }
}
