package io.esledger.interfaces.graphql.security;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;

/** Whether a JSON body has the shape of a GraphQL request (GraphQL over HTTP), and if not, why not. */
final class GraphQLRequestShape {

  /** Made once: {@code Json.createReader} looks the JSON provider up again on every call (slow in a server). */
  private static final JsonReaderFactory READERS = Json.createReaderFactory(null);

  private GraphQLRequestShape() {}

  /** What the check found: a problem for the client (null when none), and the (first) request's document. */
  record Checked(String problem, String query) {}

  /** Whether the body is a GraphQL request (or a batch of them); if not, why not. */
  static Checked check(byte[] body) {
    JsonValue parsed;
    try (JsonReader reader = READERS.createReader(new ByteArrayInputStream(body))) {
      parsed = reader.readValue();
    } catch (JsonException | IllegalStateException notJson) {
      return new Checked("the request body is not valid JSON", null);
    } catch (RuntimeException tooDeep) { // a parser's own limit (nesting), whatever it throws
      return new Checked("the request body is not JSON this server reads (nested too deep?)", null);
    }
    if (parsed.getValueType() == JsonValue.ValueType.ARRAY) {
      if (parsed.asJsonArray().isEmpty()) {
        return new Checked("an empty batch", null);
      }
      for (JsonValue one : parsed.asJsonArray()) {
        String problem = requestProblem(one);
        if (problem != null) {
          return new Checked("in the batch: " + problem, null);
        }
      }
      return new Checked(null, parsed.asJsonArray().getJsonObject(0).getString("query"));
    }
    String problem = requestProblem(parsed);
    return new Checked(problem, problem == null ? parsed.asJsonObject().getString("query") : null);
  }

  private static String requestProblem(JsonValue value) {
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      return "a GraphQL request is a JSON object with a \"query\"";
    }
    JsonObject request = value.asJsonObject();
    if (!is(request, "query", JsonValue.ValueType.STRING, false) || request.getString("query").isBlank()) {
      return "\"query\" must be a string holding the GraphQL document";
    }
    if (!is(request, "variables", JsonValue.ValueType.OBJECT, true)) {
      return "\"variables\" must be an object (or null)";
    }
    if (depth(request.get("variables"), 0) > MAX_VARIABLES_DEPTH) {
      return "\"variables\" nest deeper than " + MAX_VARIABLES_DEPTH + " levels";
    }
    if (!is(request, "operationName", JsonValue.ValueType.STRING, true)) {
      return "\"operationName\" must be a string (or null)";
    }
    if (!is(request, "extensions", JsonValue.ValueType.OBJECT, true)) {
      return "\"extensions\" must be an object (or null)";
    }
    return null;
  }

  /** No input of the schema nests anywhere near this deep; deeper values only cost the server stack. */
  static final int MAX_VARIABLES_DEPTH = 32;

  /** How deep {@code value} nests, counted up to just past the limit. */
  private static int depth(JsonValue value, int at) {
    if (value == null || at > MAX_VARIABLES_DEPTH) {
      return at;
    }
    int deepest = at;
    if (value.getValueType() == JsonValue.ValueType.OBJECT) {
      for (JsonValue member : value.asJsonObject().values()) {
        deepest = Math.max(deepest, depth(member, at + 1));
      }
    } else if (value.getValueType() == JsonValue.ValueType.ARRAY) {
      for (JsonValue member : value.asJsonArray()) {
        deepest = Math.max(deepest, depth(member, at + 1));
      }
    }
    return deepest;
  }

  private static boolean is(JsonObject request, String member, JsonValue.ValueType type, boolean optional) {
    JsonValue value = request.get(member);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return optional;
    }
    return value.getValueType() == type;
  }
}
