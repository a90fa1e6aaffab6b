package io.esledger.it;

import static io.esledger.it.GraphQL.errors;
import static io.esledger.it.ProcessPaymentIT.input;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Bad input gets VALIDATION_FAILED naming the field, stores nothing, and leaks no internals. */
@ExtendWith(ArquillianExtension.class)
class InvalidInputIT {

  private final GraphQL graphql = GraphQL.onTestServer();

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return LedgerDeployment.ear();
  }

  @ParameterizedTest(name = "{0} {1} {2} -> {3}")
  @CsvSource({
    "ok, -5, EUR, amount",
    "ok, 0, EUR, amount",
    "ok, 10.001, EUR, amount",
    "ok, 1.5, JPY, amount",
    "ok, 10, ZZZ, currency",
    "ok, 10, eur, currency",
    "ok, 10, XXX, currency",
    "'  ', 10, EUR, paymentId",
    "long, 10, EUR, paymentId",
    "bad id with spaces, 10, EUR, paymentId",
  })
  void a_refused_payment_names_the_field_and_stores_nothing(String paymentId, String amount, String currency,
      String field) {
    String id = switch (paymentId) {
      case "ok" -> "p-" + UUID.randomUUID();
      case "long" -> "x".repeat(10_000);
      default -> paymentId;
    };

    JsonObject response = graphql.post(ProcessPaymentIT.PROCESS, Map.of("input", input(id, amount, currency)));

    assertThat(errors(response)).hasSize(1);
    JsonObject error = errors(response).getJsonObject(0);
    assertThat(error.getJsonObject("extensions").getString("code")).isEqualTo("VALIDATION_FAILED");
    assertThat(error.getJsonObject("extensions").getString("field")).isEqualTo(field);
    assertThat(response.toString()).doesNotContain("io.esledger").doesNotContain("Exception");
    if (paymentId.equals("ok")) {
      JsonObject history = graphql.post(ProcessPaymentIT.HISTORY, Map.of("id", id));
      assertThat(history.getJsonObject("data").getJsonArray("paymentHistory")).isEmpty();
    }
  }

  @Test
  void a_non_numeric_amount_is_refused_before_any_resolver_runs() {
    JsonObject response = graphql.post(ProcessPaymentIT.PROCESS,
        Map.of("input", input("p-" + UUID.randomUUID(), "a lot", "EUR")));

    assertThat(errors(response)).isNotEmpty();
    assertThat(errors(response).getJsonObject(0).getJsonObject("extensions").getString("code"))
        .isEqualTo("VALIDATION_FAILED");
  }

  @Test
  void a_missing_required_field_is_refused() {
    Map<String, Object> input = input("p-" + UUID.randomUUID(), 10, "EUR");
    input.remove("currency");

    JsonObject response = graphql.post(ProcessPaymentIT.PROCESS, Map.of("input", input));

    assertThat(GraphQL.firstCode(response)).isEqualTo("VALIDATION_FAILED");
  }

  @Test
  void a_malformed_query_gets_a_parse_error_code() {
    JsonObject response = graphql.send("{\"query\":\"mutation { processPayment(input: { \"}");

    assertThat(GraphQL.firstCode(response)).isEqualTo("GRAPHQL_PARSE_FAILED");
  }

  @Test
  void a_body_that_is_not_json_gets_a_parse_error_code_and_no_stack_trace() {
    JsonObject response = graphql.send("not json at all");

    assertThat(GraphQL.firstCode(response)).isEqualTo("GRAPHQL_PARSE_FAILED");
    assertThat(response.toString()).doesNotContain("at org.").doesNotContain("Exception");
  }

  @Test
  void an_unknown_field_is_a_validation_error() {
    JsonObject response = graphql.post("{ paymentHistory(paymentId: \"x\") { noSuchField } }", Map.of());

    assertThat(GraphQL.firstCode(response)).isEqualTo("VALIDATION_FAILED");
  }

  private static String aliases(int n) {
    StringBuilder query = new StringBuilder("{");
    for (int i = 0; i < n; i++) {
      query.append(" a").append(i).append(": __typename");
    }
    return query.append(" }").toString();
  }

  @Test
  void typename_is_not_counted_as_a_field_but_no_document_exceeds_the_parsers_token_limit() {
    JsonObject seven = graphql.post(aliases(700), Map.of());
    assertThat(errors(seven)).as("700 aliased __typename: not counted among the 600 fields, as documented").isEmpty();

    JsonObject huge = graphql.post(aliases(6_000), Map.of()); // 18,000 tokens
    assertThat(errors(huge)).as(huge.toString().substring(0, Math.min(400, huge.toString().length()))).hasSize(1);
    assertThat(errors(huge).getJsonObject(0).getJsonObject("extensions").getString("code"))
        .isIn("GRAPHQL_PARSE_FAILED", "QUERY_TOO_COMPLEX");
    assertThat(huge.get("data")).isIn(null, jakarta.json.JsonValue.NULL);
  }

  @Test
  void nulls_where_values_are_expected_are_validation_failures_naming_the_argument() {
    for (String[] call : new String[][] {
        {"{ eventLog(filter: { eventTypes: [null] }) { atHead } }", "filter.eventTypes"},
        {"{ eventLog(filter: { aggregateTypes: [\"Payment\", null] }) { atHead } }", "filter.aggregateTypes"},
        {"{ eventLog(first: null) { atHead } }", "first"},
        {"mutation { rebuildProjection(wait: null) { name } }", "wait"}}) {
      JsonObject response = graphql.post(call[0], Map.of());
      assertThat(errors(response)).as(call[0] + " -> " + response).hasSize(1);
      JsonObject extensions = errors(response).getJsonObject(0).getJsonObject("extensions");
      assertThat(extensions.getString("code")).as(call[0]).isEqualTo("VALIDATION_FAILED");
      assertThat(extensions.getString("field")).as(call[0]).isEqualTo(call[1]);
    }
    JsonObject asReader = graphql.as("org-1", "user-1", GraphQL.READ).post(
        "mutation { rebuildProjection(wait: null) { name } }", Map.of());
    assertThat(GraphQL.firstCode(asReader)).as("a non-operator learns nothing more").isEqualTo("FORBIDDEN");
  }

  @Test
  void a_due_date_the_store_cannot_hold_is_a_validation_failure() {
    for (String dueDate : new String[] {"+10000-01-01", "0999-01-01", "2026-1-1", "2026-02-30"}) {
      JsonObject response = graphql.post("mutation i($input: IssueInvoiceInput!) { issueInvoice(input: $input) "
          + "{ version } }", Map.of("input", Map.of("invoiceId", "inv-" + UUID.randomUUID(), "amount", "1.00",
          "currency", "EUR", "dueDate", dueDate)));
      assertThat(errors(response)).as(dueDate + " -> " + response).hasSize(1);
      assertThat(errors(response).getJsonObject(0).getJsonObject("extensions").getString("code")).as(dueDate)
          .isEqualTo("VALIDATION_FAILED");
      assertThat(errors(response).getJsonObject(0).getJsonObject("extensions").getString("field")).as(dueDate)
          .isEqualTo("dueDate");
    }
  }

  @Test
  void a_log_position_ahead_of_the_head_is_refused_not_waited_on() throws Exception {
    JsonObject page = graphql.post("{ eventLog(after: \"L999999999\") { atHead events { position } } }", Map.of());
    assertThat(errors(page)).as(page.toString()).hasSize(1);
    assertThat(errors(page).getJsonObject(0).getJsonObject("extensions").getString("code")).isEqualTo("VALIDATION_FAILED");
    assertThat(errors(page).getJsonObject(0).getJsonObject("extensions").getString("field")).isEqualTo("after");

    try (GraphQLSocket socket = GraphQLSocket.withHeader(graphql)) {
      socket.subscribe("1", "subscription { events(after: \"L999999999\") { position } }");
      JsonObject refused = socket.next();
      assertThat(refused.getString("type")).as(refused.toString()).isEqualTo("error");
      assertThat(refused.toString()).contains("VALIDATION_FAILED");
    }
  }

  @Test
  void numbers_out_of_range_for_an_int_argument_are_validation_failures() {
    for (String n : new String[] {"1E+400", "9223372036854775807", "3000000000", "-1", "1.5"}) {
      String body = "{\"query\":\"query($n: Int!) { eventLog(first: $n) { atHead } }\",\"variables\":{\"n\":" + n + "}}";
      JsonObject response = graphql.send(body);
      assertThat(errors(response)).as(n + " -> " + response).hasSize(1);
      assertThat(errors(response).getJsonObject(0).getJsonObject("extensions").getString("code")).as(n + " -> " + response)
          .isIn("VALIDATION_FAILED", "GRAPHQL_PARSE_FAILED");
    }
  }
}
