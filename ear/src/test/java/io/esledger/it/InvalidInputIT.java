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
}
