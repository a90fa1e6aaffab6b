package io.esledger.it;

import static io.esledger.it.GraphQL.errors;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Client-chosen ids are unique only within an organization: two organizations that use the same
 * payment id and the same invoice id get two payments and two invoices, and every command and every
 * query of each sees exactly its own — streams, {@code payment}, the read model, searches,
 * statistics, outcomes, invoices and their settlement, the log and the subscription.
 */
@ExtendWith(ArquillianExtension.class)
class SameIdsInTwoOrganizationsIT {

  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final String a = "org-a-" + run;
  private final String b = "org-b-" + run;
  private final String paymentId = "shared-" + run;
  private final String invoiceId = "inv-shared-" + run;
  private final GraphQL asA = GraphQL.onTestServer().as(a);
  private final GraphQL asB = GraphQL.onTestServer().as(b);
  private final OffsetDateTime from = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1);
  /** Consistency tokens of every write, per organization. */
  private final List<String> tokensA = new ArrayList<>();
  private final List<String> tokensB = new ArrayList<>();

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return LedgerDeployment.ear();
  }

  private static JsonObject data(GraphQL caller, String query, Map<String, Object> variables) {
    JsonObject response = caller.post(query, variables);
    assertThat(errors(response)).as(response.toString()).isEmpty();
    return response.getJsonObject("data");
  }

  private static Map<String, Object> vars(Object... pairs) {
    Map<String, Object> vars = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      vars.put((String) pairs[i], pairs[i + 1]);
    }
    return vars;
  }

  private String write(GraphQL caller, String field, Map<String, Object> input) {
    String token = data(caller, "mutation m($input: " + Character.toUpperCase(field.charAt(0)) + field.substring(1)
        + "Input!) { " + field + "(input: $input) { consistencyToken } }", Map.of("input", input))
        .getJsonObject(field).getString("consistencyToken");
    (caller == asA ? tokensA : tokensB).add(token);
    return token;
  }

  /**
   * A: invoice of 80 EUR, payment authorized for it, captured 30 + 20 (v3). B, with the same ids:
   * invoice of 50 USD, payment processed at 10 USD for it (v1), refunded 4 (v2).
   */
  @BeforeEach
  void bothOrganizationsUseTheSameIds() {
    write(asA, "issueInvoice", vars("invoiceId", invoiceId, "amount", "80.00", "currency", "EUR",
        "dueDate", "2030-01-31"));
    write(asB, "issueInvoice", vars("invoiceId", invoiceId, "amount", "50.00", "currency", "USD",
        "dueDate", "2030-01-31"));
    write(asA, "authorizePayment", vars("paymentId", paymentId, "amount", "80.00", "currency", "EUR",
        "invoiceId", invoiceId));
    write(asA, "capturePayment", vars("paymentId", paymentId, "amount", "30.00"));
    write(asA, "capturePayment", vars("paymentId", paymentId, "amount", "20.00"));
    write(asB, "processPayment", vars("paymentId", paymentId, "amount", "10.00", "currency", "USD",
        "invoiceId", invoiceId));
    write(asB, "refundPayment", vars("paymentId", paymentId, "amount", "4.00", "reason", "one item returned"));
  }

  @Test
  void streams_and_replays_are_per_organization() {
    String query = """
        query q($id: ID!) {
          paymentHistory(paymentId: $id) { eventType version metadata { organizationId } }
          payment(paymentId: $id) { status amount currency capturedAmount refundedAmount version }
        }""";
    JsonObject ofA = data(asA, query, vars("id", paymentId));
    JsonObject ofB = data(asB, query, vars("id", paymentId));

    assertThat(types(ofA.getJsonArray("paymentHistory")))
        .containsExactly("PaymentAuthorized", "PaymentCaptured", "PaymentCaptured");
    assertThat(orgs(ofA.getJsonArray("paymentHistory"))).containsOnly(a);
    assertThat(types(ofB.getJsonArray("paymentHistory"))).containsExactly("PaymentProcessed", "PaymentRefunded");
    assertThat(orgs(ofB.getJsonArray("paymentHistory"))).containsOnly(b);

    JsonObject paymentA = ofA.getJsonObject("payment");
    assertThat(paymentA.getString("status")).isEqualTo("PARTIALLY_CAPTURED");
    assertThat(paymentA.getString("currency")).isEqualTo("EUR");
    assertThat(paymentA.getJsonNumber("capturedAmount").bigDecimalValue()).isEqualByComparingTo("50");
    assertThat(paymentA.getInt("version")).isEqualTo(3);
    JsonObject paymentB = ofB.getJsonObject("payment");
    assertThat(paymentB.getString("status")).isEqualTo("PARTIALLY_REFUNDED");
    assertThat(paymentB.getString("currency")).isEqualTo("USD");
    assertThat(paymentB.getJsonNumber("refundedAmount").bigDecimalValue()).isEqualByComparingTo("4");
    assertThat(paymentB.getInt("version")).isEqualTo(2);
  }

  @Test
  void the_read_model_holds_one_row_per_organization_and_id() {
    String query = """
        query q($t: [String!]) {
          payments(consistentWith: $t, page: { size: 100 }) {
            total items { paymentId status currency organizationId version } }
        }""";
    JsonObject rowsA = data(asA, query, vars("t", Json.createArrayBuilder(tokensA).build())).getJsonObject("payments");
    JsonObject rowsB = data(asB, query, vars("t", Json.createArrayBuilder(tokensB).build())).getJsonObject("payments");

    assertThat(rowsA.getInt("total")).isEqualTo(1);
    JsonObject rowA = rowsA.getJsonArray("items").getJsonObject(0);
    assertThat(List.of(rowA.getString("paymentId"), rowA.getString("status"), rowA.getString("currency"),
        rowA.getString("organizationId"))).containsExactly(paymentId, "PARTIALLY_CAPTURED", "EUR", a);
    assertThat(rowA.getInt("version")).isEqualTo(3);
    assertThat(rowsB.getInt("total")).isEqualTo(1);
    JsonObject rowB = rowsB.getJsonArray("items").getJsonObject(0);
    assertThat(List.of(rowB.getString("paymentId"), rowB.getString("status"), rowB.getString("currency"),
        rowB.getString("organizationId"))).containsExactly(paymentId, "PARTIALLY_REFUNDED", "USD", b);
    assertThat(rowB.getInt("version")).isEqualTo(2);

    // an operator sees both rows, told apart by organization
    JsonObject both = data(GraphQL.onTestServer(), """
        query q($t: [String!]) {
          payments(consistentWith: $t, page: { size: 100 }) { items { paymentId organizationId } }
        }""", vars("t", Json.createArrayBuilder(tokensA).add(tokensB.get(tokensB.size() - 1)).build()));
    List<String> rowOrgs = new ArrayList<>();
    both.getJsonObject("payments").getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .filter(r -> r.getString("paymentId").equals(paymentId)).forEach(r -> rowOrgs.add(r.getString("organizationId")));
    assertThat(rowOrgs).containsExactlyInAnyOrder(a, b);
  }

  @Test
  void searches_statistics_and_outcomes_count_each_organization_alone() {
    String query = """
        query q($t: [String!], $from: DateTime!, $to: DateTime!) {
          searchEvents(filter: { aggregateType: "Payment" }, consistentWith: $t, page: { size: 100 }) {
            total items { aggregateId metadata { organizationId } } }
          searchEventData(text: "returned", consistentWith: $t) { aggregateId metadata { organizationId } }
          eventStatistics(eventType: "PaymentCaptured", from: $from, to: $to, consistentWith: $t) { total }
          paymentOutcomes(from: $from, to: $to, consistentWith: $t) {
            capturedPayments refundedPayments volumes { currency captured refunded } }
        }""";
    OffsetDateTime to = OffsetDateTime.now(ZoneOffset.UTC).plusHours(1);
    JsonObject ofA = data(asA, query, vars("t", Json.createArrayBuilder(tokensA).build(),
        "from", from.toString(), "to", to.toString()));
    JsonObject ofB = data(asB, query, vars("t", Json.createArrayBuilder(tokensB).build(),
        "from", from.toString(), "to", to.toString()));

    assertThat(ofA.getJsonObject("searchEvents").getInt("total")).isEqualTo(3);
    assertThat(orgs(ofA.getJsonObject("searchEvents").getJsonArray("items"))).containsOnly(a);
    assertThat(ofB.getJsonObject("searchEvents").getInt("total")).isEqualTo(2);
    assertThat(orgs(ofB.getJsonObject("searchEvents").getJsonArray("items"))).containsOnly(b);
    assertThat(ofA.getJsonArray("searchEventData")).isEmpty(); // the refund reason is B's
    assertThat(orgs(ofB.getJsonArray("searchEventData"))).containsExactly(b);

    assertThat(ofA.getJsonObject("eventStatistics").getInt("total")).isEqualTo(2);
    assertThat(ofB.getJsonObject("eventStatistics").getInt("total")).isZero();

    JsonObject outcomesA = ofA.getJsonObject("paymentOutcomes");
    assertThat(outcomesA.getInt("capturedPayments")).isEqualTo(1);
    assertThat(outcomesA.getInt("refundedPayments")).isZero();
    assertThat(currencies(outcomesA)).containsExactly("EUR");
    JsonObject outcomesB = ofB.getJsonObject("paymentOutcomes");
    assertThat(outcomesB.getInt("capturedPayments")).isEqualTo(1);
    assertThat(outcomesB.getInt("refundedPayments")).isEqualTo(1);
    assertThat(currencies(outcomesB)).containsExactly("USD");
    assertThat(outcomesB.getJsonArray("volumes").getJsonObject(0).getJsonNumber("captured").bigDecimalValue())
        .isEqualByComparingTo("10");
  }

  @Test
  void each_invoice_is_settled_by_its_own_organizations_payment() {
    String query = """
        query q($id: ID!, $t: [String!]) {
          invoice(invoiceId: $id, consistentWith: $t) { currency paidAmount balanceDue payments { paymentId amount } }
          invoiceHistory(invoiceId: $id) { eventType metadata { organizationId } }
        }""";
    JsonObject ofA = data(asA, query, vars("id", invoiceId, "t", Json.createArrayBuilder(tokensA).build()));
    JsonObject ofB = data(asB, query, vars("id", invoiceId, "t", Json.createArrayBuilder(tokensB).build()));

    JsonObject invoiceA = ofA.getJsonObject("invoice");
    assertThat(invoiceA.getString("currency")).isEqualTo("EUR");
    assertThat(invoiceA.getJsonNumber("paidAmount").bigDecimalValue()).isEqualByComparingTo("50");
    assertThat(invoiceA.getJsonNumber("balanceDue").bigDecimalValue()).isEqualByComparingTo("30");
    assertThat(invoiceA.getJsonArray("payments")).hasSize(2);
    assertThat(orgs(ofA.getJsonArray("invoiceHistory"))).containsOnly(a);

    JsonObject invoiceB = ofB.getJsonObject("invoice");
    assertThat(invoiceB.getString("currency")).isEqualTo("USD");
    assertThat(invoiceB.getJsonNumber("paidAmount").bigDecimalValue()).isEqualByComparingTo("10");
    assertThat(invoiceB.getJsonNumber("balanceDue").bigDecimalValue()).isEqualByComparingTo("40");
    assertThat(invoiceB.getJsonArray("payments")).hasSize(1);
    assertThat(orgs(ofB.getJsonArray("invoiceHistory"))).containsOnly(b);
  }

  @Test
  void an_event_of_one_organization_is_not_found_by_the_other() {
    JsonObject history = data(asA, "query q($id: ID!) { paymentHistory(paymentId: $id) { eventId } }",
        vars("id", paymentId));
    String eventOfA = history.getJsonArray("paymentHistory").getJsonObject(0).getString("eventId");

    assertThat(data(asA, "query q($id: ID!) { event(eventId: $id) { eventId } }", vars("id", eventOfA))
        .get("event")).isNotEqualTo(JsonValue.NULL);
    assertThat(data(asB, "query q($id: ID!) { event(eventId: $id) { eventId } }", vars("id", eventOfA))
        .get("event")).isEqualTo(JsonValue.NULL);
  }

  @Test
  void the_log_and_the_subscription_hold_each_organizations_own_events() throws Exception {
    String query = """
        query q($after: String) {
          eventLog(after: $after, filter: { aggregateTypes: ["Payment"] }, first: 1000) {
            next atHead events { event { aggregateId metadata { organizationId } } } }
        }""";
    for (GraphQL caller : List.of(asA, asB)) {
      String org = caller == asA ? a : b;
      List<String> seen = new ArrayList<>();
      String after = null;
      while (true) {
        JsonObject page = data(caller, query, vars("after", after == null ? JsonValue.NULL : after))
            .getJsonObject("eventLog");
        for (JsonObject e : page.getJsonArray("events").getValuesAs(JsonObject.class)) {
          seen.add(e.getJsonObject("event").getJsonObject("metadata").getString("organizationId"));
        }
        after = page.getString("next");
        if (page.getBoolean("atHead")) {
          break;
        }
      }
      assertThat(seen).as("the log as " + org).containsOnly(org).hasSize(caller == asA ? 3 : 2);

      try (GraphQLSocket socket = GraphQLSocket.withHeader(caller)) {
        socket.subscribe("1", "subscription { events(filter: { aggregateTypes: [\"Payment\"] }) { "
            + "event { aggregateId metadata { organizationId } } } }");
        List<String> streamed = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (streamed.size() < seen.size() && System.nanoTime() < deadline) {
          JsonObject message = socket.expect("next");
          streamed.add(message.getJsonObject("payload").getJsonObject("data").getJsonObject("events")
              .getJsonObject("event").getJsonObject("metadata").getString("organizationId"));
        }
        assertThat(streamed).as("the subscription as " + org).containsOnly(org).hasSize(seen.size());
      }
    }
  }

  private static List<String> types(JsonArray events) {
    return events.getValuesAs(JsonObject.class).stream().map(e -> e.getString("eventType")).toList();
  }

  private static List<String> orgs(JsonArray events) {
    return events.getValuesAs(JsonObject.class).stream()
        .map(e -> e.getJsonObject("metadata").getString("organizationId")).toList();
  }

  private static List<String> currencies(JsonObject outcomes) {
    return outcomes.getJsonArray("volumes").getValuesAs(JsonObject.class).stream()
        .map(v -> v.getString("currency")).toList();
  }
}
