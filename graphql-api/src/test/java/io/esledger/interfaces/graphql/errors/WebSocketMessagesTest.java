package io.esledger.interfaces.graphql.errors;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** Errors sent over a WebSocket carry the same codes as over HTTP, and no graphql-java classification. */
class WebSocketMessagesTest {

  private static JsonObject json(String text) {
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }

  @Test
  void a_validation_error_message_gets_a_code_and_loses_its_classification() {
    String sent = "{\"id\":\"1\",\"type\":\"error\",\"payload\":[{\"message\":\"Validation error (FieldUndefined@[nope]) : "
        + "Field 'nope' in type 'Subscription' is undefined\",\"extensions\":{\"classification\":\"ValidationError\"}}]}";

    JsonObject coded = json(WebSocketMessages.coded(sent));

    JsonObject extensions = coded.getJsonArray("payload").getJsonObject(0).getJsonObject("extensions");
    assertThat(extensions.getString("code")).isEqualTo("VALIDATION_FAILED");
    assertThat(extensions.containsKey("classification")).isFalse();
    assertThat(coded.getString("type")).isEqualTo("error");
    assertThat(coded.getString("id")).isEqualTo("1");
  }

  @Test
  void a_result_with_errors_is_coded_and_an_unknown_code_becomes_internal() {
    String sent = "{\"id\":\"2\",\"type\":\"next\",\"payload\":{\"data\":null,\"errors\":[{\"message\":\"x\","
        + "\"extensions\":{\"code\":\"java.lang.IllegalStateException\",\"classification\":\"DataFetchingException\"}},"
        + "{\"message\":\"y\",\"extensions\":{\"code\":\"VALIDATION_FAILED\",\"field\":\"after\"}}]}}";

    JsonObject payload = json(WebSocketMessages.coded(sent)).getJsonObject("payload");

    assertThat(payload.getJsonArray("errors").getJsonObject(0).getJsonObject("extensions").getString("code"))
        .isEqualTo("INTERNAL");
    // the exception's own text stays in the server log; the client gets a reference to it
    assertThat(payload.getJsonArray("errors").getJsonObject(0).getString("message"))
        .matches("internal error \\(reference [0-9a-f]{8}\\)");
    assertThat(payload.getJsonArray("errors").getJsonObject(1).getString("message")).isEqualTo("y");
    assertThat(payload.getJsonArray("errors").getJsonObject(1).getJsonObject("extensions").getString("field"))
        .isEqualTo("after");
  }

  @Test
  void text_for_the_log_stays_on_one_line_and_is_bounded() {
    assertThat(ErrorCodeFilter.oneLine("a\nFAKE 00:00 SEVERE forged\r\tz")).isEqualTo("a?FAKE 00:00 SEVERE forged??z");
    assertThat(ErrorCodeFilter.oneLine("x".repeat(1000))).hasSize(303).endsWith("...");
  }

  @Test
  void messages_without_errors_leave_unchanged() {
    String next = "{\"id\":\"3\",\"type\":\"next\",\"payload\":{\"data\":{\"events\":{\"position\":\"L-1\"}}}}";

    assertThat(WebSocketMessages.coded(next)).isSameAs(next);
    assertThat(WebSocketMessages.coded("{\"type\":\"connection_ack\"}")).isEqualTo("{\"type\":\"connection_ack\"}");
    assertThat(WebSocketMessages.coded("not json with \"errors\"")).isEqualTo("not json with \"errors\"");
  }
}
