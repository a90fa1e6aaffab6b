package io.esledger.it;

import static io.esledger.it.GraphQL.errors;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Events stored in an older shape stay as they are in the index and are read in the current one:
 * a PaymentProcessed document exactly as the ledger wrote it before events had schema versions
 * (no schemaVersion field, the time in processedAt) is put straight into the event index, then
 * read, decided on, searched and projected through the API.
 */
@ExtendWith(ArquillianExtension.class)
class StoredShapesIT {

  private final String org = "org-" + UUID.randomUUID();
  private final GraphQL graphql = GraphQL.onTestServer().as(org);

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return LedgerDeployment.ear();
  }

  /** The document f9b5b6a's EventDocuments and JSON-B serializer wrote for processPayment, field for field. */
  private void storeVersion1(String paymentId) throws Exception {
    String stream = "Payment:" + org + "/" + paymentId;
    String doc = """
        {"eventId":"%s","streamId":"%s","aggregateId":"%s/%s","aggregateType":"Payment",\
        "eventType":"PaymentProcessed",\
        "eventData":{"amount":"100.00","currency":"EUR","paymentId":"%s","processedAt":"2026-11-20T08:30:00.123456Z"},\
        "version":1,"timestamp":"2026-11-20T08:30:00.123456Z","correlationId":"corr-v1","causationId":"corr-v1",\
        "metadata":{"organizationId":"%s","userId":"user-1","commandId":null},"commitVersion":1,"commitSize":1}"""
        .formatted(UUID.randomUUID(), stream, org, paymentId, paymentId, org);
    String port = System.getProperty("es.http.port", "9200");
    URI uri = URI.create("http://127.0.0.1:" + port + "/it-events/_doc/" + encode(stream + ":1") + "?routing="
        + encode(stream) + "&refresh=true&op_type=create");
    HttpResponse<String> put = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri)
        .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(doc)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private JsonObject data(String query, Map<String, Object> variables) {
    JsonObject response = graphql.post(query, variables);
    assertThat(errors(response)).as(response.toString()).isEmpty();
    return response.getJsonObject("data");
  }

  @Test
  void a_version_1_document_is_read_decided_on_searched_and_projected_in_the_current_shape() throws Exception {
    String id = "v1-" + UUID.randomUUID();
    storeVersion1(id);

    JsonObject history = data("query($id: ID!) { paymentHistory(paymentId: $id) { eventType schemaVersion data } }",
        Map.of("id", id)).getJsonArray("paymentHistory").getJsonObject(0);
    assertThat(history.getInt("schemaVersion")).isEqualTo(2);
    assertThat(history.getString("data")).contains("\"occurredAt\":\"2026-11-20T08:30:00.123456Z\"")
        .doesNotContain("processedAt").contains("\"amount\":\"100.00\"");
    assertThat(data("query($id: ID!) { payment(paymentId: $id) { status amount version } }", Map.of("id", id))
        .getJsonObject("payment").getString("status")).isEqualTo("PROCESSED");

    JsonObject refund = data("mutation($input: RefundPaymentInput!) { refundPayment(input: $input) { version "
        + "consistencyToken } }", Map.of("input", Map.of("paymentId", id, "amount", "40.00")))
        .getJsonObject("refundPayment");
    assertThat(refund.getInt("version")).as("decided on the upcast history").isEqualTo(2);
    var tokens = Json.createArrayBuilder(List.of(refund.getString("consistencyToken"))).build();

    JsonObject found = data("query($text: String, $t: [String!]) { searchEvents(filter: { text: $text, "
        + "eventType: \"PaymentProcessed\" }, consistentWith: $t) { items { aggregateId schemaVersion data } } }",
        Map.of("text", id, "t", tokens)).getJsonObject("searchEvents").getJsonArray("items").getJsonObject(0);
    assertThat(found.getString("aggregateId")).isEqualTo(id);
    assertThat(found.getInt("schemaVersion")).isEqualTo(2);
    assertThat(found.getString("data")).contains("occurredAt").doesNotContain("processedAt");

    JsonObject row = data("query($t: [String!]) { payments(filter: { status: \"PARTIALLY_REFUNDED\" }, "
        + "consistentWith: $t) { items { paymentId amount refundedAmount netAmount version } } }", Map.of("t", tokens))
        .getJsonObject("payments").getJsonArray("items").getJsonObject(0);
    assertThat(row.getString("paymentId")).isEqualTo(id);
    assertThat(row.getJsonNumber("netAmount").bigDecimalValue()).isEqualByComparingTo("60");
    assertThat(row.getInt("version")).isEqualTo(2);
  }
}
