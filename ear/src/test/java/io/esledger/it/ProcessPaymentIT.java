package io.esledger.it;

import static io.esledger.it.GraphQL.errors;
import static io.esledger.it.GraphQL.firstCode;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The write path end to end: GraphQL over HTTP → Liberty → handler → aggregate → Elasticsearch. */
@ExtendWith(ArquillianExtension.class)
class ProcessPaymentIT {

  static final String PROCESS = """
      mutation process($input: ProcessPaymentInput!) {
        processPayment(input: $input) { paymentId version eventIds correlationId }
      }""";
  static final String HISTORY = """
      query history($id: ID!) {
        paymentHistory(paymentId: $id) {
          eventId aggregateId aggregateType eventType version timestamp correlationId causationId
          metadata { organizationId userId } data
        }
      }""";
  static final String PAYMENT = """
      query payment($id: ID!) { payment(paymentId: $id) { paymentId status amount currency version } }""";

  private final GraphQL graphql = GraphQL.onTestServer();

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return LedgerDeployment.ear();
  }

  static Map<String, Object> input(String paymentId, Object amount, String currency) {
    Map<String, Object> input = new HashMap<>();
    input.put("paymentId", paymentId);
    input.put("amount", amount);
    input.put("currency", currency);
    input.put("organizationId", "org-1");
    input.put("userId", "user-1");
    return input;
  }

  private JsonObject process(Map<String, Object> input) {
    return graphql.post(PROCESS, Map.of("input", input));
  }

  private JsonObject history(String paymentId) {
    return graphql.post(HISTORY, Map.of("id", paymentId));
  }

  private static String fresh() {
    return "p-" + UUID.randomUUID();
  }

  @Test
  void the_seed_flow_stores_exactly_one_payment_processed_event() {
    JsonObject receipt = process(input("payment-123", "100.00", "EUR"));
    assertThat(errors(receipt)).isEmpty();
    JsonObject processed = receipt.getJsonObject("data").getJsonObject("processPayment");
    assertThat(processed.getString("paymentId")).isEqualTo("payment-123");
    assertThat(processed.getInt("version")).isEqualTo(1);

    JsonObject history = history("payment-123");

    assertThat(errors(history)).isEmpty();
    var events = history.getJsonObject("data").getJsonArray("paymentHistory");
    assertThat(events).hasSize(1);
    JsonObject event = events.getJsonObject(0);
    assertThat(event.getString("eventType")).isEqualTo("PaymentProcessed");
    assertThat(event.getString("aggregateType")).isEqualTo("Payment");
    assertThat(event.getString("aggregateId")).isEqualTo("payment-123");
    assertThat(event.getInt("version")).isEqualTo(1);
    assertThat(event.getString("eventId")).isEqualTo(processed.getJsonArray("eventIds").getString(0));
    assertThat(event.getJsonObject("metadata").getString("organizationId")).isEqualTo("org-1");
    assertThat(event.getString("data")).contains("\"amount\":\"100.00\"").contains("\"currency\":\"EUR\"");
    assertThat(event.getString("correlationId")).isEqualTo(processed.getString("correlationId"));
  }

  @Test
  void processing_a_payment_twice_is_refused_and_stores_nothing() {
    String id = fresh();
    process(input(id, 25, "USD"));

    JsonObject second = process(input(id, 25, "USD"));

    assertThat(firstCode(second)).isEqualTo("PAYMENT_ALREADY_PROCESSED");
    assertThat(errors(second).getJsonObject(0).getString("message")).contains(id);
    assertThat(history(id).getJsonObject("data").getJsonArray("paymentHistory")).hasSize(1);
  }

  @Test
  void a_retry_with_the_same_command_id_returns_the_first_receipt() {
    String id = fresh();
    Map<String, Object> input = input(id, "10.50", "GBP");
    input.put("commandId", "cmd-" + id);

    JsonObject first = process(input);
    JsonObject retry = process(input);

    assertThat(errors(retry)).isEmpty();
    assertThat(retry.getJsonObject("data")).isEqualTo(first.getJsonObject("data"));
    assertThat(history(id).getJsonObject("data").getJsonArray("paymentHistory")).hasSize(1);
  }

  @Test
  void a_stale_expected_version_is_a_concurrency_conflict() {
    String id = fresh();
    process(input(id, 5, "EUR"));
    Map<String, Object> stale = input(id, 5, "EUR");
    stale.put("expectedVersion", 0);

    JsonObject response = process(stale);

    assertThat(firstCode(response)).isEqualTo("CONCURRENCY_CONFLICT");
    assertThat(errors(response).getJsonObject(0).getString("message"))
        .contains("Payment:org-1/" + id).contains("no stream").contains("version 1");
  }

  @Test
  void a_payment_is_replayed_from_its_events_and_unknown_payments_are_null() {
    String id = fresh();
    process(input(id, 1234, "JPY"));

    JsonObject payment = graphql.post(PAYMENT, Map.of("id", id)).getJsonObject("data").getJsonObject("payment");
    JsonObject unknown = graphql.post(PAYMENT, Map.of("id", fresh()));

    assertThat(payment.getString("status")).isEqualTo("PROCESSED");
    assertThat(payment.getJsonNumber("amount").bigDecimalValue()).isEqualByComparingTo("1234");
    assertThat(payment.getString("currency")).isEqualTo("JPY");
    assertThat(payment.getInt("version")).isEqualTo(1);
    assertThat(errors(unknown)).isEmpty();
    assertThat(unknown.getJsonObject("data").isNull("payment")).isTrue();
  }

  @Test
  void an_event_is_found_by_its_id_as_soon_as_its_receipt_is_back() {
    String id = fresh();
    String eventId = process(input(id, 3, "EUR")).getJsonObject("data").getJsonObject("processPayment")
        .getJsonArray("eventIds").getString(0);
    String query = "query e($id: ID!) { event(eventId: $id) { eventId aggregateId version } }";

    JsonObject found = graphql.post(query, Map.of("id", eventId)).getJsonObject("data");
    JsonObject unknown = graphql.post(query, Map.of("id", "no-such-event")).getJsonObject("data");

    assertThat(found.isNull("event")).as("no retry, no wait: the receipt's event is there").isFalse();
    assertThat(found.getJsonObject("event").getString("aggregateId")).isEqualTo(id);
    assertThat(unknown.isNull("event")).isTrue();
  }

  @Test
  void a_command_id_reused_for_a_different_amount_is_refused_and_stores_nothing() {
    String id = fresh();
    Map<String, Object> input = input(id, "10.00", "EUR");
    input.put("commandId", "cmd-" + id);
    process(input);
    Map<String, Object> other = input(id, "99.00", "EUR");
    other.put("commandId", "cmd-" + id);

    JsonObject response = process(other);

    assertThat(firstCode(response)).isEqualTo("COMMAND_ID_REUSED");
    assertThat(errors(response).getJsonObject(0).getString("message")).contains("cmd-" + id);
    assertThat(history(id).getJsonObject("data").getJsonArray("paymentHistory")).hasSize(1);
  }
}
