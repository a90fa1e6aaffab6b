package io.esledger.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every index the application writes is made by the application with the configured settings
 * (here 0 replicas), never by Elasticsearch on a first write with its defaults (1 replica: a single
 * node turns yellow), so the node's health means something.
 */
@ExtendWith(ArquillianExtension.class)
class OwnIndicesIT {

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return LedgerDeployment.ear();
  }

  private JsonObject es(String path) throws Exception {
    String body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + System.getProperty("es.http.port")
        + path)).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()).body();
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }

  @Test
  void every_index_of_the_ledger_has_the_configured_replicas_and_the_node_is_green() throws Exception {
    // a payment, and an invoice payment parked for want of its invoice, so every index has been written
    GraphQL caller = GraphQL.onTestServer().as("own-" + UUID.randomUUID().toString().substring(0, 8));
    JsonObject written = caller.post("mutation p($input: ProcessPaymentInput!) { processPayment(input: $input) "
        + "{ consistencyToken } }", Map.of("input", Map.of("paymentId", "own-1", "amount", "1.00", "currency", "EUR")));
    assertThat(GraphQL.errors(written)).as(written.toString()).isEmpty();
    JsonObject rows = caller.post("query q($t: [String!]) { payments(consistentWith: $t) { total } }",
        Map.of("t", Json.createArrayBuilder().add(written.getJsonObject("data").getJsonObject("processPayment")
            .getString("consistencyToken")).build()));
    assertThat(GraphQL.errors(rows)).as(rows.toString()).isEmpty();

    JsonObject settings = es("/it-*/_settings?filter_path=*.settings.index.number_of_replicas");
    assertThat(settings.keySet()).as("the ledger's indices").anyMatch(i -> i.startsWith("it-projections"));
    settings.forEach((index, value) -> assertThat(value.asJsonObject().getJsonObject("settings")
        .getJsonObject("index").getString("number_of_replicas")).as(index).isEqualTo("0"));
    assertThat(es("/_cluster/health/it-*").getString("status")).isEqualTo("green");
  }
}
