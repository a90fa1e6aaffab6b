package io.esledger.it;

import static io.esledger.it.GraphQL.errors;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Event search and analytics over GraphQL, against what the mutations just wrote. */
@ExtendWith(ArquillianExtension.class)
class EventQueriesIT {

  private final GraphQL graphql = GraphQL.onTestServer();
  private final String from = Instant.now().minus(1, ChronoUnit.HOURS).toString();
  private final String to = Instant.now().plus(1, ChronoUnit.HOURS).toString();

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return LedgerDeployment.ear();
  }

  private String process(String amount, String currency, String org, String correlationId) {
    Map<String, Object> input = ProcessPaymentIT.input("p-" + UUID.randomUUID(), amount, currency);
    input.put("organizationId", org);
    if (correlationId != null) {
      input.put("correlationId", correlationId);
    }
    JsonObject response = graphql.as(org).post(ReadModelIT.PROCESS, Map.of("input", input));
    assertThat(errors(response)).isEmpty();
    return response.getJsonObject("data").getJsonObject("processPayment").getString("consistencyToken");
  }

  private JsonObject data(String query, Map<String, Object> variables) {
    JsonObject response = graphql.post(query, variables);
    assertThat(errors(response)).as(response.toString()).isEmpty();
    return response.getJsonObject("data");
  }

  private Map<String, Object> vars(Object... pairs) {
    Map<String, Object> vars = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      vars.put((String) pairs[i], pairs[i + 1]);
    }
    return vars;
  }

  @Test
  void the_seed_flow_finds_three_payments_newest_first() {
    String org = "org-" + UUID.randomUUID();
    List<String> tokens = new ArrayList<>();
    tokens.add(process("100", "EUR", org, null));
    tokens.add(process("200", "USD", org, null));
    tokens.add(process("300", "EUR", org, null));

    JsonObject page = data("""
        query s($org: ID, $from: DateTime, $to: DateTime, $tokens: [String!]) {
          searchPaymentEvents(filter: { organizationId: $org, from: $from, to: $to }, consistentWith: $tokens) {
            total totalIsExact items { eventType aggregateType data timestamp }
          }
        }""", vars("org", org, "from", from, "to", to, "tokens", Json.createArrayBuilder(tokens).build()))
        .getJsonObject("searchPaymentEvents");

    assertThat(page.getInt("total")).isEqualTo(3);
    assertThat(page.getBoolean("totalIsExact")).isTrue();
    JsonArray items = page.getJsonArray("items");
    assertThat(items.getJsonObject(0).getString("data")).contains("\"amount\":\"300.00\"");
    assertThat(items.getJsonObject(1).getString("data")).contains("\"amount\":\"200.00\"");
    assertThat(items.getJsonObject(2).getString("data")).contains("\"amount\":\"100.00\"");
  }

  @Test
  void cached_statistics_never_hide_a_write_asked_for_with_consistent_with() {
    String stats = """
        query s($from: DateTime!, $to: DateTime!, $tokens: [String!]) {
          eventStatistics(eventType: "PaymentProcessed", from: $from, to: $to, consistentWith: $tokens) {
            total byOrganization { key count } }
          cacheStatistics { hits misses consistencyRefreshes }
        }""";
    String token = process("5", "EUR", "org-" + UUID.randomUUID(), null);
    JsonObject before = data(stats, vars("from", from, "to", to, "tokens", Json.createArrayBuilder().add(token).build()));
    JsonObject cached = data(stats, vars("from", from, "to", to));

    String org = "org-" + UUID.randomUUID();
    String newer = process("7", "EUR", org, null);
    JsonObject after = data(stats, vars("from", from, "to", to, "tokens", Json.createArrayBuilder().add(newer).build()));

    int total = before.getJsonObject("eventStatistics").getInt("total");
    assertThat(cached.getJsonObject("eventStatistics").getInt("total")).isEqualTo(total);
    assertThat(cached.getJsonObject("cacheStatistics").getInt("hits"))
        .isGreaterThan(before.getJsonObject("cacheStatistics").getInt("hits"));
    assertThat(after.getJsonObject("eventStatistics").getInt("total")).isGreaterThan(total);
    assertThat(after.getJsonObject("cacheStatistics").getInt("consistencyRefreshes"))
        .isGreaterThan(before.getJsonObject("cacheStatistics").getInt("consistencyRefreshes"));
  }

  @Test
  void a_heatmap_adds_up_to_its_hourly_and_daily_counts() {
    String token = process("9", "EUR", "org-" + UUID.randomUUID(), null);

    JsonObject heatmap = data("""
        query h($from: DateTime!, $to: DateTime!, $tokens: [String!]) {
          eventHeatmap(eventType: "PaymentProcessed", from: $from, to: $to, timeZone: "Europe/Berlin",
                       consistentWith: $tokens) { byHour { count } byDay { count } weekdayHour }
        }""", vars("from", from, "to", to, "tokens", Json.createArrayBuilder().add(token).build()))
        .getJsonObject("eventHeatmap");

    int byHour = heatmap.getJsonArray("byHour").stream().mapToInt(b -> b.asJsonObject().getInt("count")).sum();
    int byDay = heatmap.getJsonArray("byDay").stream().mapToInt(b -> b.asJsonObject().getInt("count")).sum();
    JsonArray matrix = heatmap.getJsonArray("weekdayHour");
    int cells = matrix.stream().flatMap(row -> row.asJsonArray().stream())
        .mapToInt(c -> ((jakarta.json.JsonNumber) c).intValue()).sum();
    assertThat(matrix).hasSize(7).allSatisfy(row -> assertThat(row.asJsonArray()).hasSize(24));
    assertThat(byHour).isPositive().isEqualTo(byDay).isEqualTo(cells);
  }

  @Test
  void a_correlation_trace_is_oldest_first() {
    String correlation = "corr-" + UUID.randomUUID();
    String org = "org-" + UUID.randomUUID();
    process("1", "EUR", org, correlation);
    process("2", "EUR", org, correlation);
    String token = process("3", "EUR", org, correlation);

    JsonArray trace = data("""
        query c($id: ID!, $tokens: [String!]) { eventCorrelations(correlationId: $id, consistentWith: $tokens) { data timestamp } }
        """, vars("id", correlation, "tokens", Json.createArrayBuilder().add(token).build()))
        .getJsonArray("eventCorrelations");

    assertThat(trace).hasSize(3);
    assertThat(trace.getJsonObject(0).getString("data")).contains("\"amount\":\"1.00\"");
    assertThat(trace.getJsonObject(2).getString("data")).contains("\"amount\":\"3.00\"");
  }

  @Test
  void hostile_search_text_is_searched_literally() {
    // two refunds in an organization of this test's own: one whose reason holds the operator-looking text,
    // one with only some of its words; a query language would match both, or everything, for several of these
    GraphQL caller = graphql.as("lit-" + UUID.randomUUID().toString().substring(0, 8));
    String refund = "mutation r($input: RefundPaymentInput!) { refundPayment(input: $input) { consistencyToken } }";
    List<String> tokens = new java.util.ArrayList<>();
    Map<String, String> reasons = Map.of("lit-1", "parcel a OR b)(* lost", "lit-2", "parcel a only");
    for (Map.Entry<String, String> payment : reasons.entrySet()) {
      JsonObject processed = caller.post(ReadModelIT.PROCESS, Map.of("input", Map.of("paymentId", payment.getKey(),
          "amount", "5.00", "currency", "EUR")));
      assertThat(errors(processed)).as(processed.toString()).isEmpty();
      JsonObject refunded = caller.post(refund, Map.of("input", Map.of("paymentId", payment.getKey(),
          "reason", payment.getValue())));
      assertThat(errors(refunded)).as(refunded.toString()).isEmpty();
      tokens.add(refunded.getJsonObject("data").getJsonObject("refundPayment").getString("consistencyToken"));
    }
    String search = "query t($text: String!, $t: [String!]) { searchEventData(text: $text, consistentWith: $t) { aggregateId } }";
    java.util.function.Function<String, List<String>> found = text -> {
      JsonObject response = caller.post(search, Map.of("text", text, "t", Json.createArrayBuilder(tokens).build()));
      assertThat(errors(response)).as(text + " -> " + response).isEmpty();
      return response.getJsonObject("data").getJsonArray("searchEventData").getValuesAs(JsonObject.class).stream()
          .map(e -> e.getString("aggregateId")).toList();
    };

    assertThat(found.apply("a OR b)(*")).as("the text itself, not a OR of words").containsExactly("lit-1");
    assertThat(found.apply("parcel")).as("a plain word finds both").containsExactlyInAnyOrder("lit-1", "lit-2");
    for (String text : List.of("*:*", "/.*/", "parcel AND nothing", "\\\"", "{{", "\"unbalanced")) {
      assertThat(found.apply(text)).as(text + ": no query syntax, so nothing has these words").isEmpty();
    }
  }

  @Test
  void ranges_that_are_backwards_or_would_explode_are_refused() {
    JsonObject backwards = graphql.post("""
        { eventStatistics(eventType: "PaymentProcessed", from: "2026-02-01T00:00:00Z", to: "2026-01-01T00:00:00Z") { total } }""",
        Map.of());
    JsonObject hourlyDecade = graphql.post("""
        { eventTrends(eventType: "PaymentProcessed", from: "2016-01-01T00:00:00Z", to: "2026-01-01T00:00:00Z",
                      interval: HOUR) { count } }""", Map.of());
    JsonObject badZone = graphql.post("""
        { eventHeatmap(eventType: "PaymentProcessed", from: "2026-01-01T00:00:00Z", to: "2026-01-02T00:00:00Z",
                       timeZone: "Mars/Olympus") { weekdayHour } }""", Map.of());

    assertThat(GraphQL.firstCode(backwards)).isEqualTo("VALIDATION_FAILED");
    assertThat(GraphQL.firstCode(hourlyDecade)).isEqualTo("VALIDATION_FAILED");
    assertThat(GraphQL.firstCode(badZone)).isEqualTo("VALIDATION_FAILED");
    assertThat(errors(badZone).getJsonObject(0).getJsonObject("extensions").getString("field")).isEqualTo("timeZone");
  }

  @Test
  void pages_have_edges() {
    String org = "org-" + UUID.randomUUID();
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      tokens.add(process(String.valueOf(i + 1), "EUR", org, null));
    }
    String query = """
        query p($org: ID, $offset: Int, $size: Int, $tokens: [String!]) {
          searchEvents(filter: { organizationId: $org }, page: { offset: $offset, size: $size }, consistentWith: $tokens) {
            total items { eventId } } }""";
    var all = Json.createArrayBuilder(tokens).build();

    JsonObject last = data(query, vars("org", org, "offset", 4, "size", 2, "tokens", all)).getJsonObject("searchEvents");
    JsonObject past = data(query, vars("org", org, "offset", 10, "size", 2)).getJsonObject("searchEvents");
    JsonObject tooBig = graphql.post(query, vars("org", org, "offset", 0, "size", 101));

    assertThat(last.getInt("total")).isEqualTo(5);
    assertThat(last.getJsonArray("items")).hasSize(1);
    assertThat(past.getJsonArray("items")).isEmpty();
    assertThat(GraphQL.firstCode(tooBig)).isEqualTo("VALIDATION_FAILED");
  }
}
