package io.esledger.interfaces.graphql.errors;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;

/**
 * The WebSocket side of {@link ErrorCodeFilter}: a message the server sends over graphql-transport-ws
 * (or the older graphql-ws) gets the same error codes as an HTTP response — every error with a
 * documented {@code extensions.code}, graphql-java's {@code classification} removed. Messages
 * without errors leave unchanged.
 */
public final class WebSocketMessages {

  private WebSocketMessages() {}

  /** The message as the client should see it. */
  public static String coded(String message) {
    if (message == null || !message.contains("\"errors\"") && !message.contains("\"error\"")) {
      return message;
    }
    JsonObject parsed;
    try (JsonReader reader = Json.createReader(new StringReader(message))) {
      parsed = reader.readObject();
    } catch (JsonException | ClassCastException notAnObject) {
      return message;
    }
    JsonValue payload = parsed.get("payload");
    if (payload instanceof JsonObject result && result.containsKey("errors")) {
      // next (graphql-transport-ws), data (graphql-ws): a result with errors
      return Json.createObjectBuilder(parsed).add("payload", ErrorCodeFilter.withCodes(result)).build().toString();
    }
    if (payload instanceof JsonArray errors) {
      // error (graphql-transport-ws): the errors themselves
      JsonObject coded = ErrorCodeFilter.withCodes(Json.createObjectBuilder().add("errors", errors).build());
      return Json.createObjectBuilder(parsed).add("payload", coded.getJsonArray("errors")).build().toString();
    }
    return message;
  }
}
