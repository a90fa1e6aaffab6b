package io.esledger.it;

import static io.esledger.it.GraphQL.errors;
import static io.esledger.it.GraphQL.firstCode;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A second aggregate on the same store, search and analytics: invoices issued through GraphQL and
 * settled by the process manager as payments that name them are captured.
 */
@ExtendWith(ArquillianExtension.class)
class InvoiceIT {

  private static final String ISSUE = """
      mutation i($input: IssueInvoiceInput!) { issueInvoice(input: $input) {
        invoiceId version eventIds consistencyToken } }""";
  private static final String INVOICE = """
      query i($id: ID!, $tokens: [String!]) { invoice(invoiceId: $id, consistentWith: $tokens) {
        invoiceId status amount currency paidAmount balanceDue dueDate paidAt version payments { paymentId amount } } }""";
  private static final String HISTORY = """
      query h($id: ID!) { invoiceHistory(invoiceId: $id) {
        eventType version correlationId causationId metadata { userId } } }""";

  private final String org = "org-" + UUID.randomUUID();
  private final GraphQL graphql = GraphQL.onTestServer().as(org);

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return LedgerDeployment.ear();
  }

  private static Map<String, Object> map(Object... pairs) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }

  private JsonObject issue(String invoiceId, String amount, String currency, String dueDate) {
    return graphql.post(ISSUE, Map.of("input", map("invoiceId", invoiceId, "amount", amount, "currency", currency,
        "dueDate", dueDate)));
  }

  private JsonObject pay(String mutation, Map<String, Object> input) {
    String type = Character.toUpperCase(mutation.charAt(0)) + mutation.substring(1) + "Input";
    return graphql.post("mutation m($input: " + type + "!) { " + mutation + "(input: $input) { paymentId eventIds "
        + "correlationId consistencyToken } }", Map.of("input", input));
  }

  private JsonObject ok(JsonObject response, String field) {
    assertThat(errors(response)).as(field).isEmpty();
    return response.getJsonObject("data").getJsonObject(field);
  }

  private JsonObject invoice(String id, String token) {
    Map<String, Object> vars = new HashMap<>(Map.of("id", id));
    if (token != null) {
      vars.put("tokens", Json.createArrayBuilder().add(token).build());
    }
    JsonObject response = graphql.post(INVOICE, vars);
    assertThat(errors(response)).isEmpty();
    JsonObject data = response.getJsonObject("data");
    return data.isNull("invoice") ? null : data.getJsonObject("invoice");
  }

  private static String fresh(String prefix) {
    return prefix + "-" + UUID.randomUUID();
  }

  @Test
  void captures_of_a_payment_that_names_an_invoice_pay_it_step_by_step() {
    String invoiceId = fresh("inv");
    JsonObject issued = ok(issue(invoiceId, "100.00", "EUR", "2099-12-31"), "issueInvoice");
    assertThat(issued.getInt("version")).isEqualTo(1);
    assertThat(invoice(invoiceId, null).getString("status")).isEqualTo("ISSUED");

    String paymentId = fresh("p");
    ok(pay("authorizePayment", map("paymentId", paymentId, "amount", "100.00", "currency", "EUR",
        "invoiceId", invoiceId)), "authorizePayment");
    JsonObject first = ok(pay("capturePayment", map("paymentId", paymentId, "amount", "40.00")), "capturePayment");
    JsonObject partly = invoice(invoiceId, first.getString("consistencyToken"));
    assertThat(partly.getString("status")).isEqualTo("PARTIALLY_PAID");
    assertThat(partly.getJsonNumber("paidAmount").bigDecimalValue()).isEqualByComparingTo("40.00");
    assertThat(partly.getJsonNumber("balanceDue").bigDecimalValue()).isEqualByComparingTo("60.00");

    JsonObject rest = ok(pay("capturePayment", map("paymentId", paymentId)), "capturePayment");
    JsonObject paid = invoice(invoiceId, rest.getString("consistencyToken"));
    assertThat(paid.getString("status")).isEqualTo("PAID");
    assertThat(paid.getJsonNumber("balanceDue").bigDecimalValue()).isEqualByComparingTo("0");
    assertThat(paid.isNull("paidAt")).isFalse();
    assertThat(paid.getJsonArray("payments").getValuesAs(JsonObject.class))
        .extracting(p -> p.getString("paymentId") + " " + p.getJsonNumber("amount").bigDecimalValue().toPlainString())
        .containsExactly(paymentId + " 40.00", paymentId + " 60.00");

    List<JsonObject> history = graphql.post(HISTORY, Map.of("id", invoiceId)).getJsonObject("data")
        .getJsonArray("invoiceHistory").getValuesAs(JsonObject.class);
    assertThat(history).extracting(e -> e.getString("eventType"))
        .containsExactly("InvoiceIssued", "InvoicePaymentApplied", "InvoicePaymentApplied", "InvoicePaid");
    JsonObject appliedFirst = history.get(1);
    assertThat(appliedFirst.getString("causationId"))
        .isEqualTo(first.getJsonArray("eventIds").getString(0)); // the capture caused it
    assertThat(appliedFirst.getString("correlationId")).isEqualTo(first.getString("correlationId"));
    assertThat(appliedFirst.getJsonObject("metadata").getString("userId")).isEqualTo("process:invoice-payments");
  }

  @Test
  void a_payment_processed_in_one_step_pays_its_invoice_and_the_payment_shows_it() {
    String invoiceId = fresh("inv");
    ok(issue(invoiceId, "25.00", "EUR", "2099-01-31"), "issueInvoice");
    String paymentId = fresh("p");
    JsonObject receipt = ok(pay("processPayment", map("paymentId", paymentId, "amount", "25.00", "currency", "EUR",
        "invoiceId", invoiceId)), "processPayment");

    assertThat(invoice(invoiceId, receipt.getString("consistencyToken")).getString("status")).isEqualTo("PAID");
    JsonObject payment = graphql.post("query p($id: ID!) { payment(paymentId: $id) { invoiceId } }",
        Map.of("id", paymentId)).getJsonObject("data").getJsonObject("payment");
    assertThat(payment.getString("invoiceId")).isEqualTo(invoiceId);
  }

  @Test
  void refusals_store_nothing() {
    String invoiceId = fresh("inv");
    ok(issue(invoiceId, "10.00", "EUR", "2099-01-31"), "issueInvoice");

    assertThat(firstCode(issue(invoiceId, "10.00", "EUR", "2099-01-31"))).isEqualTo("INVOICE_ALREADY_ISSUED");
    assertThat(firstCode(issue(fresh("inv"), "0", "EUR", "2099-01-31"))).isEqualTo("VALIDATION_FAILED");
    for (String badDate : List.of("31/01/2099", "2099-02-30", "")) {
      JsonObject refused = issue(fresh("inv"), "10.00", "EUR", badDate);
      assertThat(firstCode(refused)).as(badDate).isEqualTo("VALIDATION_FAILED");
      assertThat(errors(refused).getJsonObject(0).getJsonObject("extensions").getString("field")).isEqualTo("dueDate");
    }

    String unknown = fresh("p");
    assertThat(firstCode(pay("processPayment", map("paymentId", unknown, "amount", "10.00", "currency", "EUR",
        "invoiceId", fresh("no-such-invoice"))))).isEqualTo("NOT_FOUND");
    String otherCurrency = fresh("p");
    assertThat(firstCode(pay("authorizePayment", map("paymentId", otherCurrency, "amount", "10.00", "currency", "USD",
        "invoiceId", invoiceId)))).isEqualTo("CURRENCY_MISMATCH");
    for (String refused : List.of(unknown, otherCurrency)) {
      assertThat(graphql.post("query p($id: ID!) { payment(paymentId: $id) { version } }", Map.of("id", refused))
          .getJsonObject("data").isNull("payment")).as(refused + " was not stored").isTrue();
    }
    assertThat(invoice(invoiceId, null).getInt("version")).isEqualTo(1);
  }

  @Test
  void invoices_are_an_organizations_own() {
    String invoiceId = fresh("inv");
    ok(issue(invoiceId, "10.00", "EUR", "2099-01-31"), "issueInvoice");
    GraphQL other = GraphQL.onTestServer().as(fresh("org"));

    JsonObject seen = other.post(INVOICE, Map.of("id", invoiceId));
    assertThat(errors(seen)).isEmpty();
    assertThat(seen.getJsonObject("data").isNull("invoice")).isTrue();
    assertThat(firstCode(other.post("mutation { processPayment(input: { paymentId: \"x-" + UUID.randomUUID()
        + "\", amount: \"10.00\", currency: \"EUR\", invoiceId: \"" + invoiceId + "\" }) { version } }", Map.of())))
        .isEqualTo("NOT_FOUND");
    JsonObject readOnly = GraphQL.onTestServer().as(org, "user-2", GraphQL.READ)
        .post(ISSUE, Map.of("input", map("invoiceId", fresh("inv"), "amount", "1.00", "currency", "EUR",
            "dueDate", "2099-01-31")));
    assertThat(firstCode(readOnly)).isEqualTo("FORBIDDEN");
  }

  @Test
  void operators_see_the_process_manager_like_a_projection_and_it_is_never_rebuilt() {
    GraphQL operator = GraphQL.onTestServer();
    JsonObject status = operator.post("{ projectionStatus(name: \"invoice-payments\") { name runsOnThisInstance "
        + "checkpoint parkedEvents rebuild { state } } }", Map.of());
    assertThat(errors(status)).isEmpty();
    JsonObject process = status.getJsonObject("data").getJsonObject("projectionStatus");
    assertThat(process.getString("name")).isEqualTo("invoice-payments");
    assertThat(process.getBoolean("runsOnThisInstance")).isTrue();
    assertThat(process.isNull("checkpoint")).isFalse();
    assertThat(process.getJsonObject("rebuild").getString("state")).isEqualTo("NOT_REBUILT");
    assertThat(firstCode(operator.post("mutation { rebuildProjection(name: \"invoice-payments\") { name } }",
        Map.of()))).isEqualTo("VALIDATION_FAILED");
    assertThat(firstCode(graphql.post("{ projectionStatus(name: \"invoice-payments\") { name } }", Map.of())))
        .isEqualTo("FORBIDDEN");
  }

  @Test
  void unpaid_after_its_due_date_an_invoice_is_overdue_and_it_is_found_by_the_same_search_as_payments() {
    String invoiceId = fresh("inv");
    JsonObject issued = ok(issue(invoiceId, "10.00", "EUR", "2020-01-31"), "issueInvoice");
    assertThat(invoice(invoiceId, null).getString("status")).isEqualTo("OVERDUE");

    JsonObject found = graphql.post("""
        query s($tokens: [String!]) { searchEvents(filter: { aggregateType: "Invoice" }, consistentWith: $tokens) {
          total items { eventType aggregateId } } }""",
        Map.of("tokens", Json.createArrayBuilder().add(issued.getString("consistencyToken")).build()));
    assertThat(errors(found)).isEmpty();
    assertThat(found.getJsonObject("data").getJsonObject("searchEvents").getJsonArray("items")
        .getValuesAs(JsonObject.class)).extracting(e -> e.getString("eventType")).contains("InvoiceIssued");
  }
}
