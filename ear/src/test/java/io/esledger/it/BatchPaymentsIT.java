package io.esledger.it;

import static io.esledger.it.GraphQL.errors;
import static io.esledger.it.GraphQL.firstCode;
import static io.esledger.it.ProcessPaymentIT.input;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** processPayments: many payments in one request, each stored or refused on its own. */
@ExtendWith(ArquillianExtension.class)
class BatchPaymentsIT {

  static final String BATCH = """
      mutation batch($inputs: [ProcessPaymentInput!]!) {
        processPayments(inputs: $inputs) { paymentId version eventIds consistencyToken error { code field message } }
      }""";

  private final GraphQL graphql = GraphQL.onTestServer();

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return LedgerDeployment.ear();
  }

  private static String fresh() {
    return "b-" + UUID.randomUUID();
  }

  private int historySize(String paymentId) {
    return graphql.post(ProcessPaymentIT.HISTORY, Map.of("id", paymentId))
        .getJsonObject("data").getJsonArray("paymentHistory").size();
  }

  @Test
  void a_batch_reports_each_refusal_on_its_own_payment_and_stores_the_rest() {
    String done = fresh();
    graphql.post(ProcessPaymentIT.PROCESS, Map.of("input", input(done, 1, "EUR")));
    String first = fresh();
    String second = fresh();
    String invalid = fresh();
    JsonArray inputs = Json.createArrayBuilder()
        .add(Json.createObjectBuilder(input(first, "10.00", "EUR")))
        .add(Json.createObjectBuilder(input(done, "1", "EUR")))
        .add(Json.createObjectBuilder(input(invalid, "10", "ZZZ")))
        .add(Json.createObjectBuilder(input(second, "20.00", "USD")))
        .build();

    JsonObject response = graphql.post(BATCH, Map.of("inputs", inputs));

    assertThat(errors(response)).isEmpty();
    JsonArray receipts = response.getJsonObject("data").getJsonArray("processPayments");
    assertThat(receipts).extracting(r -> r.asJsonObject().getString("paymentId"))
        .containsExactly(first, done, invalid, second);
    assertThat(receipts.getJsonObject(0).isNull("error")).isTrue();
    assertThat(receipts.getJsonObject(0).getJsonArray("eventIds")).hasSize(1);
    JsonObject alreadyDone = receipts.getJsonObject(1);
    assertThat(alreadyDone.getJsonObject("error").getString("code")).isEqualTo("PAYMENT_ALREADY_PROCESSED");
    assertThat(alreadyDone.getInt("version")).isEqualTo(1);
    assertThat(alreadyDone.getJsonArray("eventIds")).isEmpty();
    JsonObject refused = receipts.getJsonObject(2).getJsonObject("error");
    assertThat(refused.getString("code")).isEqualTo("VALIDATION_FAILED");
    assertThat(refused.getString("field")).isEqualTo("currency");
    assertThat(receipts.getJsonObject(3).getInt("version")).isEqualTo(1);
    assertThat(historySize(first)).isEqualTo(1);
    assertThat(historySize(second)).isEqualTo(1);
    assertThat(historySize(done)).isEqualTo(1);
    assertThat(historySize(invalid)).isZero();
  }

  @Test
  void the_same_payment_twice_in_one_batch_is_stored_once() {
    String id = fresh();
    JsonArray inputs = Json.createArrayBuilder()
        .add(Json.createObjectBuilder(input(id, "5", "EUR")))
        .add(Json.createObjectBuilder(input(id, "5", "EUR")))
        .build();

    JsonArray receipts = graphql.post(BATCH, Map.of("inputs", inputs)).getJsonObject("data")
        .getJsonArray("processPayments");

    assertThat(receipts.stream().filter(r -> r.asJsonObject().isNull("error")).count()).isEqualTo(1);
    assertThat(receipts.stream().filter(r -> !r.asJsonObject().isNull("error")).findFirst().orElseThrow()
        .asJsonObject().getJsonObject("error").getString("code")).isEqualTo("PAYMENT_ALREADY_PROCESSED");
    assertThat(historySize(id)).isEqualTo(1);
  }

  @Test
  void a_batch_over_the_limit_is_refused_whole() {
    JsonArrayBuilder inputs = Json.createArrayBuilder();
    java.util.List<String> ids = new java.util.ArrayList<>();
    for (int i = 0; i < 1001; i++) {
      ids.add(fresh());
      inputs.add(Json.createObjectBuilder(input(ids.get(i), 1, "EUR")));
    }

    JsonObject response = graphql.post(BATCH, Map.of("inputs", inputs.build()));

    assertThat(firstCode(response)).isEqualTo("VALIDATION_FAILED");
    for (String id : java.util.List.of(ids.get(0), ids.get(500), ids.get(1000))) {
      assertThat(historySize(id)).as("nothing of a refused batch is stored: " + id).isZero();
    }
  }
}
