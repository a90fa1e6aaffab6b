package io.esledger.it;

import static io.esledger.it.GraphQL.errors;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The payments read model: kept live by the projection, readable with consistentWith, rebuildable. */
@ExtendWith(ArquillianExtension.class)
class ReadModelIT {

  static final String PROCESS = """
      mutation process($input: ProcessPaymentInput!) {
        processPayment(input: $input) { paymentId version consistencyToken }
      }""";
  static final String PAYMENTS = """
      query payments($org: ID, $tokens: [String!], $size: Int) {
        payments(filter: { organizationId: $org }, page: { size: $size }, consistentWith: $tokens) {
          total items { paymentId status amount currency organizationId userId version updatedAt }
        }
      }""";

  private final GraphQL graphql = GraphQL.onTestServer();

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return LedgerDeployment.ear();
  }

  private JsonObject process(String paymentId, String amount, String currency, String org) {
    Map<String, Object> input = ProcessPaymentIT.input(paymentId, amount, currency);
    input.put("organizationId", org);
    JsonObject response = graphql.as(org).post(PROCESS, Map.of("input", input));
    assertThat(errors(response)).isEmpty();
    return response.getJsonObject("data").getJsonObject("processPayment");
  }

  private JsonObject payments(String org, List<String> tokens) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("org", org);
    vars.put("size", 100);
    vars.put("tokens", Json.createArrayBuilder(tokens).build());
    JsonObject response = graphql.post(PAYMENTS, vars);
    assertThat(errors(response)).isEmpty();
    return response.getJsonObject("data").getJsonObject("payments");
  }

  @Test
  void a_payment_is_in_the_read_model_for_a_query_that_passes_its_token() {
    String org = "org-" + UUID.randomUUID();
    String id = "p-" + UUID.randomUUID();
    String token = process(id, "42.50", "EUR", org).getString("consistencyToken");

    JsonObject page = payments(org, List.of(token));

    assertThat(page.getInt("total")).isEqualTo(1);
    JsonObject row = page.getJsonArray("items").getJsonObject(0);
    assertThat(row.getString("paymentId")).isEqualTo(id);
    assertThat(row.getString("status")).isEqualTo("PROCESSED");
    assertThat(row.getJsonNumber("amount").bigDecimalValue()).isEqualByComparingTo("42.50");
    assertThat(row.getString("organizationId")).isEqualTo(org);
    assertThat(row.getInt("version")).isEqualTo(1);
  }

  @Test
  void the_read_model_built_live_under_concurrent_commands_equals_the_one_rebuilt_from_scratch() throws Exception {
    String org = "org-" + UUID.randomUUID();
    ExecutorService clients = Executors.newFixedThreadPool(8);
    List<Future<String>> tokens = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      String amount = (i + 1) + ".25";
      String currency = i % 3 == 0 ? "USD" : "EUR";
      tokens.add(clients.submit(() -> process("p-" + UUID.randomUUID(), amount, currency, org)
          .getString("consistencyToken")));
    }
    List<String> all = new ArrayList<>();
    for (Future<String> token : tokens) {
      all.add(token.get());
    }
    clients.shutdown();

    JsonArray live = payments(org, all).getJsonArray("items");
    JsonObject rebuilt = graphql.post("mutation { rebuildProjection(name: \"payments\", wait: true) { "
        + "rebuild { state processedEvents totalEvents } } }", Map.of());
    JsonArray afterRebuild = payments(org, List.of()).getJsonArray("items");

    assertThat(live).hasSize(60);
    assertThat(errors(rebuilt)).isEmpty();
    JsonObject rebuild = rebuilt.getJsonObject("data").getJsonObject("rebuildProjection").getJsonObject("rebuild");
    assertThat(rebuild.getString("state")).isEqualTo("DONE");
    assertThat(rebuild.getInt("processedEvents")).isEqualTo(rebuild.getInt("totalEvents")).isGreaterThanOrEqualTo(60);
    assertThat(byId(afterRebuild)).isEqualTo(byId(live));
  }

  @Test
  void projection_status_reports_applied_events_and_lag() {
    String status = "{ projectionStatus(name: \"payments\") { name appliedEvents backlog "
        + "lastLagMillis maxLagMillis averageLagMillis rebuild { state } } }";
    JsonObject before = graphql.post(status, Map.of());
    assertThat(errors(before)).isEmpty();
    int appliedBefore = before.getJsonObject("data").getJsonObject("projectionStatus").getInt("appliedEvents");
    String org = "org-" + UUID.randomUUID();
    String token = process("p-" + UUID.randomUUID(), "1", "EUR", org).getString("consistencyToken");
    payments(org, List.of(token)); // the projection has applied it

    JsonObject response = graphql.post(status, Map.of());

    assertThat(errors(response)).isEmpty();
    JsonObject after = response.getJsonObject("data").getJsonObject("projectionStatus");
    assertThat(after.getInt("appliedEvents")).as("this test's event counted").isGreaterThan(appliedBefore);
    assertThat(after.getInt("maxLagMillis")).isGreaterThanOrEqualTo(after.getInt("lastLagMillis"));
  }

  @Test
  void bad_tokens_pages_and_projection_names_are_refused() {
    JsonObject badToken = graphql.post(PAYMENTS, Map.of("tokens", Json.createArrayBuilder().add("forged").build()));
    JsonObject badPage = graphql.post(PAYMENTS, Map.of("size", 101));
    JsonObject unknown = graphql.post("{ projectionStatus(name: \"nope\") { name } }", Map.of());

    assertThat(GraphQL.firstCode(badToken)).isEqualTo("VALIDATION_FAILED");
    assertThat(errors(badToken).getJsonObject(0).getJsonObject("extensions").getString("field")).isEqualTo("consistentWith");
    assertThat(GraphQL.firstCode(badPage)).isEqualTo("VALIDATION_FAILED");
    assertThat(GraphQL.firstCode(unknown)).isEqualTo("NOT_FOUND");
  }

  private static Map<String, JsonValue> byId(JsonArray rows) {
    Map<String, JsonValue> byId = new HashMap<>();
    rows.forEach(r -> byId.put(r.asJsonObject().getString("paymentId"), r));
    return byId;
  }
}
