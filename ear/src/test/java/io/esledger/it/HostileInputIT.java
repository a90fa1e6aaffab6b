package io.esledger.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Generated hostile requests against the real server: valid operations whose variables, documents
 * and JSON envelopes are mutated at random (seeded, so a failure can be replayed with
 * {@code -Dhostile.seed=N}). Every answer must be a GraphQL error with a documented code (or data),
 * never HTTP 5xx, never {@code INTERNAL}; and the server answers normally afterwards.
 */
@ExtendWith(ArquillianExtension.class)
class HostileInputIT {

  private static final int REQUESTS = Integer.getInteger("hostile.requests", 1200);

  private static final List<String[]> OPERATIONS = List.of(
      new String[] {"mutation($input: ProcessPaymentInput!) { processPayment(input: $input) { paymentId version } }",
          "{\"input\":{\"paymentId\":\"h-1\",\"amount\":\"12.50\",\"currency\":\"EUR\",\"commandId\":\"c-1\","
              + "\"expectedVersion\":0}}"},
      new String[] {"mutation($inputs: [ProcessPaymentInput!]!) { processPayments(inputs: $inputs) { paymentId "
          + "error { code } } }", "{\"inputs\":[{\"paymentId\":\"h-2\",\"amount\":\"1\",\"currency\":\"JPY\"}]}"},
      new String[] {"query($f: EventFilter, $p: PageInput, $t: [String!]) { searchEvents(filter: $f, page: $p, "
          + "consistentWith: $t) { total items { eventId } } }",
          "{\"f\":{\"eventType\":\"PaymentProcessed\",\"from\":\"2026-01-01T00:00:00Z\",\"text\":\"eur\"},"
              + "\"p\":{\"offset\":0,\"size\":10},\"t\":[]}"},
      new String[] {"query($type: String!, $from: DateTime!, $to: DateTime!, $zone: String) { eventStatistics("
          + "eventType: $type, from: $from, to: $to, timeZone: $zone) { total } }",
          "{\"type\":\"PaymentProcessed\",\"from\":\"2026-01-01T00:00:00Z\",\"to\":\"2026-01-02T00:00:00Z\","
              + "\"zone\":\"Europe/Berlin\"}"},
      new String[] {"query($type: String!, $from: DateTime!, $to: DateTime!, $i: TimeInterval) { eventTrends("
          + "eventType: $type, from: $from, to: $to, interval: $i) { date count } }",
          "{\"type\":\"PaymentProcessed\",\"from\":\"2026-01-01T00:00:00Z\",\"to\":\"2026-01-09T00:00:00Z\","
              + "\"i\":\"DAY\"}"},
      new String[] {"query($id: ID!) { paymentHistory(paymentId: $id) { eventId } payment(paymentId: $id) { status } }",
          "{\"id\":\"h-1\"}"},
      new String[] {"query($id: ID!) { event(eventId: $id) { eventId } eventCorrelations(correlationId: $id) { eventId } }",
          "{\"id\":\"corr-1\"}"},
      new String[] {"query($f: PaymentFilter, $p: PageInput, $t: [String!]) { payments(filter: $f, page: $p, "
          + "consistentWith: $t) { total } }", "{\"f\":{\"status\":\"PROCESSED\"},\"p\":{\"size\":5},\"t\":[]}"},
      new String[] {"query($after: String, $n: Int!) { eventLog(after: $after, first: $n) { next atHead } }",
          "{\"after\":\"L0\",\"n\":10}"});

  private static final List<JsonValue> ODD_VALUES = List.of(
      Json.createValue("%s%n"), Json.createValue("1e309"), Json.createValue("x"), Json.createValue(""),
      Json.createValue("-0"), Json.createValue("NaN"), Json.createValue("9999-12-31T23:59:59Z"),
      Json.createValue("+99999-01-01T00:00:00Z"), Json.createValue("2026-02-30T00:00:00Z"),
      Json.createValue("c2:L9223372036854775807"), Json.createValue("c1:99999999999999999"),
      Json.createValue("L-5.x"), Json.createValue("\u0000\u0007\n\r\"'\\"), Json.createValue("💸€𝄞"),
      Json.createValue("a".repeat(70_000)), Json.createValue("' OR 1=1 --"), Json.createValue("${jndi:ldap://x/a}"),
      Json.createValue("*:*"), Json.createValue(1e308), Json.createValue(-1), Json.createValue(0),
      Json.createValue(Long.MAX_VALUE), Json.createValue(2147483648L), Json.createValue(0.000001),
      Json.createValue(new java.math.BigDecimal("1e400")), JsonValue.TRUE, JsonValue.NULL,
      Json.createArrayBuilder().add(1).add("two").build(), Json.createObjectBuilder().add("a", 1).build(),
      Json.createArrayBuilder().build(), Json.createObjectBuilder().build());

  private final GraphQL graphql = GraphQL.onTestServer();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return LedgerDeployment.ear();
  }

  @Test
  void generated_hostile_requests_get_coded_errors_and_the_server_stays_well() throws Exception {
    long seed = Long.getLong("hostile.seed", System.nanoTime());
    Random random = new Random(seed);
    Map<String, Integer> byOutcome = new TreeMap<>();
    List<String> bad = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      String body = hostileBody(random);
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(graphql.endpoint())
          .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
          .header("Authorization", "Bearer " + graphql.token())
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
      String outcome = outcome(response);
      byOutcome.merge(outcome, 1, Integer::sum);
      if (response.statusCode() >= 500 || outcome.contains("INTERNAL") || outcome.contains("NO_CODE")
          || outcome.contains("NOT_JSON")) {
        if (bad.size() < 10) {
          bad.add(outcome + " ← " + abbreviated(body) + " → " + abbreviated(response.body()));
        }
      }
    }
    System.out.printf("hostile inputs: %d requests, seed %d, outcomes %s%n", REQUESTS, seed, byOutcome);
    assertThat(bad).as("seed %d: requests answered with 5xx, INTERNAL or no code", seed).isEmpty();
    JsonObject normal = graphql.post("{ searchEvents(page: {size: 1}) { total } }", Map.of());
    assertThat(GraphQL.errors(normal)).as("the server answers normally afterwards").isEmpty();
  }

  private static String hostileBody(Random random) {
    String[] operation = OPERATIONS.get(random.nextInt(OPERATIONS.size()));
    String query = operation[0];
    JsonObject variables = parse(operation[1]).asJsonObject();
    switch (random.nextInt(10)) {
      case 0, 1, 2, 3 -> variables = replaceSomeValue(variables, random);
      case 4 -> query = mangle(query, random);
      case 5 -> {
        return envelope(random, query, variables);
      }
      case 6 -> variables = replaceSomeValue(replaceSomeValue(variables, random), random);
      case 7 -> query = query.replaceFirst("\\)", ", unknown: 1)");
      case 8 -> {
        return mangle(Json.createObjectBuilder().add("query", query).add("variables", variables).build().toString(),
            random);
      }
      default -> variables = Json.createObjectBuilder(variables).remove(variables.keySet().iterator().next()).build();
    }
    return Json.createObjectBuilder().add("query", query).add("variables", variables).build().toString();
  }

  /** Replaces one value somewhere in the variables (at any depth) with an odd one. */
  private static JsonObject replaceSomeValue(JsonObject object, Random random) {
    List<String> keys = new ArrayList<>(object.keySet());
    if (keys.isEmpty()) {
      return object;
    }
    String key = keys.get(random.nextInt(keys.size()));
    JsonValue current = object.get(key);
    JsonValue replacement;
    if (current.getValueType() == JsonValue.ValueType.OBJECT && random.nextBoolean()) {
      replacement = replaceSomeValue(current.asJsonObject(), random);
    } else if (current.getValueType() == JsonValue.ValueType.ARRAY && !current.asJsonArray().isEmpty()
        && random.nextBoolean()) {
      JsonArray array = current.asJsonArray();
      JsonValue first = array.get(0);
      replacement = Json.createArrayBuilder().add(first.getValueType() == JsonValue.ValueType.OBJECT
          ? replaceSomeValue(first.asJsonObject(), random) : ODD_VALUES.get(random.nextInt(ODD_VALUES.size())))
          .build();
    } else {
      replacement = ODD_VALUES.get(random.nextInt(ODD_VALUES.size()));
    }
    return Json.createObjectBuilder(object).add(key, replacement).build();
  }

  /** A few random cuts, insertions and swaps of characters. */
  private static String mangle(String text, Random random) {
    StringBuilder out = new StringBuilder(text);
    String noise = "{}()[]:,$!\"\\@#.…\u0000 \n";
    for (int n = 1 + random.nextInt(4); n > 0 && out.length() > 0; n--) {
      int at = random.nextInt(out.length());
      switch (random.nextInt(3)) {
        case 0 -> out.deleteCharAt(at);
        case 1 -> out.insert(at, noise.charAt(random.nextInt(noise.length())));
        default -> out.setLength(at);
      }
    }
    return out.toString();
  }

  /** The request envelope itself is wrong: variables or query of the wrong type, missing, or not JSON at all. */
  private static String envelope(Random random, String query, JsonObject variables) {
    return switch (random.nextInt(9)) {
      case 0 -> Json.createObjectBuilder().add("query", query).add("variables", "not an object").build().toString();
      case 1 -> Json.createObjectBuilder().add("query", query).add("variables", Json.createArrayBuilder().add(1))
          .build().toString();
      case 2 -> Json.createObjectBuilder().add("query", 42).add("variables", variables).build().toString();
      case 3 -> Json.createObjectBuilder().add("variables", variables).build().toString();
      case 4 -> "[" + Json.createObjectBuilder().add("query", query).build() + ", 7]";
      case 5 -> "";
      case 6 -> "null";
      case 7 -> Json.createObjectBuilder().add("query", query).add("variables", variables)
          .add("operationName", "nope").build().toString();
      default -> Json.createObjectBuilder().add("query", query).add("variables", variables)
          .add("extensions", "x").build().toString();
    };
  }

  /** "HTTP 200 data", or "HTTP 400 VALIDATION_FAILED", naming every error code (NO_CODE when one has none). */
  private static String outcome(HttpResponse<String> response) {
    JsonValue parsed;
    try {
      parsed = parse(response.body());
    } catch (RuntimeException notJson) {
      return "HTTP " + response.statusCode() + " NOT_JSON";
    }
    List<JsonObject> results = new ArrayList<>();
    if (parsed.getValueType() == JsonValue.ValueType.ARRAY) {
      parsed.asJsonArray().forEach(v -> results.add(v.asJsonObject()));
    } else {
      results.add(parsed.asJsonObject());
    }
    StringBuilder codes = new StringBuilder();
    for (JsonObject result : results) {
      JsonArray errors = result.containsKey("errors") ? result.getJsonArray("errors") : JsonArray.EMPTY_JSON_ARRAY;
      if (errors.isEmpty()) {
        codes.append(" data");
      }
      for (JsonValue error : errors) {
        JsonObject extensions = error.asJsonObject().getJsonObject("extensions");
        codes.append(' ').append(extensions == null ? "NO_CODE" : extensions.getString("code", "NO_CODE"));
      }
    }
    return "HTTP " + response.statusCode() + codes.toString().replaceAll("( \\S+)\\1+", "$1");
  }

  private static JsonValue parse(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.readValue();
    }
  }

  private static String abbreviated(String text) {
    return text.length() <= 300 ? text : text.substring(0, 300) + "…";
  }
}
