package io.esledger.it;

import static io.esledger.it.GraphQL.errors;
import static io.esledger.it.GraphQL.firstCode;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A payment's whole life through GraphQL: every command, every refusal, the replayed state and the read model. */
@ExtendWith(ArquillianExtension.class)
class PaymentLifecycleIT {

  private static final String RECEIPT = "{ paymentId version eventIds consistencyToken }";
  private static final String PAYMENT = """
      query payment($id: ID!) { payment(paymentId: $id) {
        status amount currency capturedAmount refundedAmount disputedAmount chargedBackAmount netAmount
        capturableAmount refundableAmount failureReason version } }""";
  private static final String HISTORY = """
      query history($id: ID!) { paymentHistory(paymentId: $id) { eventType version } }""";
  private static final String PAYMENTS = """
      query payments($status: String, $tokens: [String!]) {
        payments(filter: { status: $status }, page: { size: 100 }, consistentWith: $tokens) {
          items { paymentId status amount capturedAmount refundedAmount netAmount failureReason version } } }""";
  private static final String OUTCOMES = """
      query outcomes($from: DateTime!, $to: DateTime!, $tokens: [String!]) {
        paymentOutcomes(from: $from, to: $to, consistentWith: $tokens) {
          capturedPayments refundedPayments refundRate failedPayments failureReasons { key count }
          disputesOpened disputesWon disputesLost volumes { currency captured refunded refundRate complete } } }""";

  private final String org = "org-" + UUID.randomUUID();
  private final GraphQL graphql = GraphQL.onTestServer().as(org);

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return LedgerDeployment.ear();
  }

  private JsonObject send(String mutation, Map<String, Object> input) {
    String type = Character.toUpperCase(mutation.charAt(0)) + mutation.substring(1) + "Input";
    return graphql.post("mutation m($input: " + type + "!) { " + mutation + "(input: $input) " + RECEIPT + " }",
        Map.of("input", input));
  }

  private JsonObject ok(String mutation, Map<String, Object> input) {
    JsonObject response = send(mutation, input);
    assertThat(errors(response)).as(mutation + " " + input).isEmpty();
    return response.getJsonObject("data").getJsonObject(mutation);
  }

  private static Map<String, Object> input(String paymentId, Object... pairs) {
    Map<String, Object> input = new HashMap<>();
    input.put("paymentId", paymentId);
    for (int i = 0; i < pairs.length; i += 2) {
      input.put((String) pairs[i], pairs[i + 1]);
    }
    return input;
  }

  private JsonObject payment(String id) {
    JsonObject response = graphql.post(PAYMENT, Map.of("id", id));
    assertThat(errors(response)).isEmpty();
    return response.getJsonObject("data").getJsonObject("payment");
  }

  private List<String> eventTypes(String id) {
    JsonObject response = graphql.post(HISTORY, Map.of("id", id));
    return response.getJsonObject("data").getJsonArray("paymentHistory").getValuesAs(JsonObject.class).stream()
        .map(e -> e.getString("eventType")).toList();
  }

  private static String fresh() {
    return "p-" + UUID.randomUUID();
  }

  @Test
  void a_whole_life_authorize_capture_twice_refund_and_a_lost_dispute() {
    String id = fresh();
    ok("authorizePayment", input(id, "amount", "100.00", "currency", "EUR"));
    assertThat(payment(id).getString("status")).isEqualTo("AUTHORIZED");

    ok("capturePayment", input(id, "amount", "30"));
    JsonObject rest = ok("capturePayment", input(id, "expectedVersion", 2));
    assertThat(rest.getInt("version")).as("the capture and its completion: one commit").isEqualTo(4);
    assertThat(rest.getJsonArray("eventIds")).hasSize(2);

    ok("refundPayment", input(id, "amount", "20", "reason", "customer returned one item"));
    JsonObject refunded = payment(id);
    assertThat(refunded.getString("status")).isEqualTo("PARTIALLY_REFUNDED");
    assertThat(refunded.getJsonNumber("capturedAmount").bigDecimalValue()).isEqualByComparingTo("100");
    assertThat(refunded.getJsonNumber("refundedAmount").bigDecimalValue()).isEqualByComparingTo("20");
    assertThat(refunded.getJsonNumber("netAmount").bigDecimalValue()).isEqualByComparingTo("80");

    ok("openDispute", input(id, "amount", "50", "reasonCode", "FRAUD"));
    assertThat(payment(id).getString("status")).isEqualTo("DISPUTED");
    JsonObject lost = ok("resolveDispute", input(id, "outcome", "LOST"));

    JsonObject end = payment(id);
    assertThat(end.getString("status")).isEqualTo("CHARGED_BACK");
    assertThat(end.getJsonNumber("chargedBackAmount").bigDecimalValue()).isEqualByComparingTo("50");
    assertThat(end.getJsonNumber("netAmount").bigDecimalValue()).isEqualByComparingTo("30");
    assertThat(end.getInt("version")).isEqualTo(7);
    assertThat(eventTypes(id)).containsExactly("PaymentAuthorized", "PaymentCaptured", "PaymentCaptured",
        "PaymentCaptureCompleted", "PaymentRefunded", "DisputeOpened", "DisputeLost");

    // the read model folds the same life, once the projection has passed the last write
    JsonObject page = graphql.post(PAYMENTS, Map.of("status", "CHARGED_BACK",
        "tokens", Json.createArrayBuilder(List.of(lost.getString("consistencyToken"))).build()));
    assertThat(errors(page)).isEmpty();
    JsonObject row = page.getJsonObject("data").getJsonObject("payments").getJsonArray("items")
        .getValuesAs(JsonObject.class).stream().filter(r -> r.getString("paymentId").equals(id)).findFirst()
        .orElseThrow();
    assertThat(row.getJsonNumber("netAmount").bigDecimalValue()).isEqualByComparingTo("30");
    assertThat(row.getJsonNumber("refundedAmount").bigDecimalValue()).isEqualByComparingTo("20");
    assertThat(row.getInt("version")).isEqualTo(7);
  }

  @Test
  void the_state_as_of_any_version_or_moment() {
    String id = fresh();
    ok("authorizePayment", input(id, "amount", "100.00", "currency", "EUR"));
    ok("capturePayment", input(id));
    ok("refundPayment", input(id, "amount", "25"));
    ok("refundPayment", input(id, "amount", "5"));

    String asOf = """
        query payment($id: ID!, $v: Int, $at: DateTime) {
          payment(paymentId: $id, asOfVersion: $v, asOf: $at) { status capturedAmount refundedAmount version }
          paymentHistory(paymentId: $id, asOfVersion: $v, asOf: $at) { version timestamp } }""";
    Map<String, Object> vars = new HashMap<>(Map.of("id", id, "v", 1));
    JsonObject v1 = graphql.post(asOf, vars).getJsonObject("data");
    assertThat(v1.getJsonObject("payment").getString("status")).isEqualTo("AUTHORIZED");
    assertThat(v1.getJsonArray("paymentHistory")).hasSize(1);

    vars.put("v", 4);
    JsonObject v4 = graphql.post(asOf, vars).getJsonObject("data");
    assertThat(v4.getJsonObject("payment").getString("status")).isEqualTo("PARTIALLY_REFUNDED");
    assertThat(v4.getJsonObject("payment").getJsonNumber("refundedAmount").bigDecimalValue()).isEqualByComparingTo("25");
    String fourthAt = v4.getJsonArray("paymentHistory").getJsonObject(3).getString("timestamp");

    vars.remove("v");
    vars.put("at", fourthAt);
    JsonObject atFourth = graphql.post(asOf, vars).getJsonObject("data");
    assertThat(atFourth.getJsonObject("payment").getInt("version")).isEqualTo(4);
    vars.put("at", "2000-01-01T00:00:00Z");
    JsonObject before = graphql.post(asOf, vars);
    assertThat(errors(before)).isEmpty();
    assertThat(before.getJsonObject("data").isNull("payment")).as("it did not exist yet").isTrue();

    JsonObject now = payment(id);
    assertThat(now.getInt("version")).isEqualTo(5);
    assertThat(now.getJsonNumber("refundedAmount").bigDecimalValue()).isEqualByComparingTo("30");
    vars.put("v", -1);
    assertThat(firstCode(graphql.post(asOf, vars))).isEqualTo("VALIDATION_FAILED");
  }

  @Test
  void each_refusal_has_its_code_and_stores_nothing() {
    String id = fresh();
    ok("authorizePayment", input(id, "amount", "100.00", "currency", "EUR"));

    assertThat(firstCode(send("capturePayment", input(id, "amount", "100.01")))).isEqualTo("AMOUNT_EXCEEDS_AUTHORIZED");
    assertThat(firstCode(send("refundPayment", input(id, "amount", "1")))).isEqualTo("INVALID_TRANSITION");
    assertThat(firstCode(send("authorizePayment", input(id, "amount", "5", "currency", "EUR"))))
        .isEqualTo("INVALID_TRANSITION");
    assertThat(firstCode(send("resolveDispute", input(id, "outcome", "WON")))).isEqualTo("INVALID_TRANSITION");
    assertThat(firstCode(send("capturePayment", input(id, "amount", "1.001")))).isEqualTo("VALIDATION_FAILED");
    assertThat(firstCode(send("capturePayment", input(id, "amount", "-5")))).isEqualTo("VALIDATION_FAILED");
    assertThat(firstCode(send("failPayment", input(id, "reasonCode", "not a code")))).isEqualTo("VALIDATION_FAILED");
    assertThat(firstCode(send("capturePayment", input(id, "amount", "1", "expectedVersion", 7))))
        .isEqualTo("CONCURRENCY_CONFLICT");
    assertThat(eventTypes(id)).as("nothing stored by any refusal").containsExactly("PaymentAuthorized");

    ok("capturePayment", input(id, "amount", "40"));
    assertThat(firstCode(send("voidPayment", input(id)))).isEqualTo("INVALID_TRANSITION");
    assertThat(firstCode(send("refundPayment", input(id, "amount", "40.01")))).isEqualTo("AMOUNT_EXCEEDS_CAPTURED");
    assertThat(firstCode(send("openDispute", input(id, "amount", "41", "reasonCode", "FRAUD"))))
        .isEqualTo("AMOUNT_EXCEEDS_CAPTURED");
    assertThat(eventTypes(id)).containsExactly("PaymentAuthorized", "PaymentCaptured");

    assertThat(firstCode(send("capturePayment", input(fresh(), "amount", "1")))).isEqualTo("NOT_FOUND");
  }

  @Test
  void a_retried_command_returns_its_first_receipt_and_a_reused_command_id_is_refused() {
    String id = fresh();
    ok("authorizePayment", input(id, "amount", "10.00", "currency", "EUR", "commandId", id + "-a"));
    JsonObject first = ok("capturePayment", input(id, "amount", "4", "commandId", id + "-c"));
    JsonObject retry = ok("capturePayment", input(id, "amount", "4", "commandId", id + "-c"));
    assertThat(retry.getInt("version")).isEqualTo(first.getInt("version"));
    assertThat(retry.getJsonArray("eventIds")).isEqualTo(first.getJsonArray("eventIds"));
    assertThat(firstCode(send("refundPayment", input(id, "amount", "4", "commandId", id + "-c"))))
        .isEqualTo("COMMAND_ID_REUSED");
    assertThat(eventTypes(id)).containsExactly("PaymentAuthorized", "PaymentCaptured");
  }

  @Test
  void void_and_fail_end_a_payment_and_failures_are_counted_by_reason() {
    String voided = fresh();
    ok("authorizePayment", input(voided, "amount", "10.00", "currency", "EUR"));
    ok("voidPayment", input(voided));
    assertThat(payment(voided).getString("status")).isEqualTo("VOIDED");
    assertThat(firstCode(send("capturePayment", input(voided)))).isEqualTo("INVALID_TRANSITION");

    String declined = fresh();
    ok("failPayment", input(declined, "reasonCode", "DECLINED", "amount", "12.00", "currency", "USD"));
    JsonObject failed = payment(declined);
    assertThat(failed.getString("status")).isEqualTo("FAILED");
    assertThat(failed.getString("failureReason")).isEqualTo("DECLINED");
    assertThat(failed.getJsonNumber("amount").bigDecimalValue()).isEqualByComparingTo("12");

    String expired = fresh();
    ok("authorizePayment", input(expired, "amount", "5.00", "currency", "EUR"));
    ok("failPayment", input(expired, "reasonCode", "DECLINED"));
    String fraud = fresh();
    JsonObject last = ok("failPayment", input(fraud, "reasonCode", "SUSPECTED_FRAUD"));

    String refunded = fresh();
    ok("processPayment", input(refunded, "amount", "3.00", "currency", "EUR"));
    ok("processPayment", input(fresh(), "amount", "3.00", "currency", "EUR"));
    last = ok("refundPayment", input(refunded));

    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    JsonObject response = graphql.post(OUTCOMES, Map.of("from", now.minusHours(1).toString(), "to",
        now.plusHours(1).toString(), "tokens", Json.createArrayBuilder(List.of(last.getString("consistencyToken"))).build()));
    assertThat(errors(response)).isEmpty();
    JsonObject outcomes = response.getJsonObject("data").getJsonObject("paymentOutcomes");
    assertThat(outcomes.getInt("failedPayments")).isEqualTo(3);
    assertThat(outcomes.getJsonArray("failureReasons").getValuesAs(JsonObject.class))
        .extracting(b -> b.getString("key") + "=" + b.getInt("count"))
        .containsExactly("DECLINED=2", "SUSPECTED_FRAUD=1");
    assertThat(outcomes.getInt("capturedPayments")).isEqualTo(2);
    assertThat(outcomes.getInt("refundedPayments")).isEqualTo(1);
    assertThat(outcomes.getJsonNumber("refundRate").doubleValue()).isEqualTo(0.5);
    JsonObject eur = outcomes.getJsonArray("volumes").getJsonObject(0);
    assertThat(outcomes.getJsonArray("volumes")).as("a failure captures nothing: no USD").hasSize(1);
    assertThat(eur.getString("currency")).isEqualTo("EUR");
    assertThat(eur.getJsonNumber("captured").bigDecimalValue()).isEqualByComparingTo("6.00");
    assertThat(eur.getJsonNumber("refunded").bigDecimalValue()).isEqualByComparingTo("3.00");
    assertThat(eur.getJsonNumber("refundRate").doubleValue()).isEqualTo(0.5);
    assertThat(eur.getBoolean("complete")).isTrue();
  }

  @Test
  void another_organization_cannot_act_on_the_payment_and_a_reader_cannot_write() {
    String id = fresh();
    ok("processPayment", input(id, "amount", "9.00", "currency", "EUR"));

    JsonObject foreign = GraphQL.onTestServer().as("other-" + org).post(
        "mutation m($input: RefundPaymentInput!) { refundPayment(input: $input) " + RECEIPT + " }",
        Map.of("input", input(id)));
    assertThat(firstCode(foreign)).as("its own payment of that id does not exist").isEqualTo("NOT_FOUND");

    JsonObject reader = GraphQL.onTestServer().as(org, "user-1", GraphQL.READ).post(
        "mutation m($input: RefundPaymentInput!) { refundPayment(input: $input) " + RECEIPT + " }",
        Map.of("input", input(id)));
    assertThat(firstCode(reader)).isEqualTo("FORBIDDEN");
    assertThat(eventTypes(id)).containsExactly("PaymentProcessed");
    assertThat(payment(id).getString("status")).isEqualTo("PROCESSED");
  }
}
