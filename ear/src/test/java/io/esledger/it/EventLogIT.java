package io.esledger.it;

import static io.esledger.it.GraphQL.errors;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The event log over GraphQL: paged reads by position, and a live subscription over graphql-transport-ws. */
@ExtendWith(ArquillianExtension.class)
class EventLogIT {

  private static final String LOG = """
      query log($after: String, $types: [String]) {
        eventLog(after: $after, filter: { aggregateTypes: $types }, first: 1000) {
          next atHead events { position event { eventId aggregateId eventType version } }
        }
      }""";

  private final GraphQL graphql = GraphQL.onTestServer();

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return LedgerDeployment.ear();
  }

  private String process(String paymentId) {
    JsonObject response = graphql.post(ReadModelIT.PROCESS,
        Map.of("input", ProcessPaymentIT.input(paymentId, "5.00", "EUR")));
    assertThat(errors(response)).isEmpty();
    return response.getJsonObject("data").getJsonObject("processPayment").getString("paymentId");
  }

  /** Reads the whole log after a position; returns the payment ids seen and the position reached. */
  private Object[] readAll(String after) {
    List<String> ids = new ArrayList<>();
    String at = after;
    while (true) {
      Map<String, Object> vars = new HashMap<>();
      vars.put("after", at == null ? jakarta.json.JsonValue.NULL : at);
      vars.put("types", Json.createArrayBuilder().add("Payment").build());
      JsonObject response = graphql.post(LOG, vars);
      assertThat(errors(response)).isEmpty();
      JsonObject page = response.getJsonObject("data").getJsonObject("eventLog");
      page.getJsonArray("events").forEach(e -> ids.add(e.asJsonObject().getJsonObject("event").getString("aggregateId")));
      at = page.getString("next");
      if (page.getBoolean("atHead")) {
        return new Object[] {ids, at};
      }
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void the_log_resumes_from_a_position_with_exactly_what_came_after_it() {
    String first = process("log-" + UUID.randomUUID());
    Object[] before = readAll(null);
    assertThat((List<String>) before[0]).contains(first);

    String second = process("log-" + UUID.randomUUID());
    Object[] after = readAll((String) before[1]);

    assertThat((List<String>) after[0]).contains(second).doesNotContain(first);
  }

  @Test
  void a_position_the_log_did_not_give_is_refused() {
    JsonObject response = graphql.post(LOG, Map.of("after", "not-a-position"));

    assertThat(GraphQL.firstCode(response)).isEqualTo("VALIDATION_FAILED");
    assertThat(errors(response).getJsonObject(0).getJsonObject("extensions").getString("field")).isEqualTo("after");
  }

  @Test
  void a_subscription_delivers_history_then_live_events_in_log_order() throws Exception {
    String before = process("sub-" + UUID.randomUUID());
    try (GraphQLSocket socket = GraphQLSocket.withHeader(graphql)) {
      socket.subscribe("1",
          "subscription { events(filter: { aggregateTypes: [\"Payment\"] }) { position event { aggregateId } } }");
      List<String> seen = new ArrayList<>();
      String live = null;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (System.nanoTime() < deadline && (live == null || !seen.contains(live))) {
        JsonObject message = socket.next();
        assertThat(message.getString("type")).as(message.toString()).isEqualTo("next");
        seen.add(message.getJsonObject("payload").getJsonObject("data").getJsonObject("events")
            .getJsonObject("event").getString("aggregateId"));
        if (live == null && seen.contains(before)) {
          live = process("sub-live-" + UUID.randomUUID()); // history delivered: now a live one
        }
      }
      assertThat(seen).contains(before, live);
      assertThat(seen.indexOf(before)).isLessThan(seen.indexOf(live));
    }
  }

  @Test
  void errors_over_the_websocket_carry_codes_like_over_http() throws Exception {
    try (GraphQLSocket socket = GraphQLSocket.withHeader(graphql)) {
      socket.subscribe("1", "subscription { events { nope } }");
      JsonObject unknownField = socket.next();
      socket.subscribe("2", "subscription { events(after: \"not-a-position\") { position } }");
      JsonObject badPosition = socket.next();

      for (JsonObject message : List.of(unknownField, badPosition)) {
        String text = message.toString();
        assertThat(text).as("no graphql-java classification: " + text).doesNotContain("classification");
        assertThat(text).as(text).contains("\"code\":\"VALIDATION_FAILED\"");
      }
    }
  }
}
