package io.esledger.it;

import static io.esledger.it.GraphQL.errors;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What an operator's tools see of the real server: health probes a load balancer or Kubernetes can
 * call without a token, Prometheus metrics that move when payments are processed, and a request id
 * on every GraphQL response (the caller's own when it is a plain token).
 */
@ExtendWith(ArquillianExtension.class)
class OperationsIT {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final String PROCESS =
      "mutation($input: ProcessPaymentInput!) { processPayment(input: $input) { paymentId } }";

  private final GraphQL client = GraphQL.onTestServer();

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return LedgerDeployment.ear();
  }

  private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(GraphQL.base().resolve(path)).timeout(Duration.ofSeconds(10)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonObject json(String body) {
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }

  /** The sample is taken in the background: the first seconds after deployment may still say "not sampled yet". */
  private static HttpResponse<String> readyWithin(Duration wait) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    HttpResponse<String> ready = get("/health/ready");
    while (ready.statusCode() != 200 && System.nanoTime() < deadline) {
      Thread.sleep(250);
      ready = get("/health/ready");
    }
    return ready;
  }

  @Test
  void probes_answer_without_a_token_and_name_what_they_checked() throws Exception {
    HttpResponse<String> ready = readyWithin(Duration.ofSeconds(30));
    assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
    JsonObject readiness = json(ready.body());
    assertThat(readiness.getString("status")).isEqualTo("UP");
    assertThat(readiness.getJsonArray("checks").getValuesAs(JsonObject.class))
        .extracting(c -> c.getString("name"))
        .contains("elasticsearch", "projection-payments");

    HttpResponse<String> live = get("/health/live");
    assertThat(live.statusCode()).as(live.body()).isEqualTo(200);
    JsonObject threads = json(live.body()).getJsonArray("checks").getValuesAs(JsonObject.class).stream()
        .filter(c -> c.getString("name").equals("threads")).findFirst().orElseThrow();
    assertThat(threads.getJsonObject("data").getString("eventStoreWriters")).isEqualTo("running");

    HttpResponse<String> started = get("/health/started");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
  }

  @Test
  void metrics_count_requests_by_operation_and_outcome_and_appends_by_outcome() throws Exception {
    double before = value(get("/metrics").body(), "ledger_graphql_requests_seconds_count",
        "operation=\"processPayment\"", "outcome=\"OK\"");
    double refusedBefore = value(get("/metrics").body(), "ledger_graphql_requests_seconds_count",
        "operation=\"processPayment\"", "outcome=\"VALIDATION_FAILED\"");
    double storedBefore = value(get("/metrics").body(), "ledger_appends_total", "outcome=\"stored\"");
    for (int i = 0; i < 3; i++) {
      JsonObject ok = client.post(PROCESS, Map.of("input", Map.of("paymentId", "ops-" + UUID.randomUUID(),
          "amount", "12.50", "currency", "EUR")));
      assertThat(errors(ok)).as(ok.toString()).isEmpty();
    }
    JsonObject refused = client.post(PROCESS, Map.of("input", Map.of("paymentId", "ops-" + UUID.randomUUID(),
        "amount", "-1", "currency", "EUR")));
    assertThat(errors(refused)).isNotEmpty();

    HttpResponse<String> scraped = get("/metrics");
    assertThat(scraped.statusCode()).isEqualTo(200);
    String text = scraped.body();
    assertThat(value(text, "ledger_graphql_requests_seconds_count", "operation=\"processPayment\"", "outcome=\"OK\""))
        .isEqualTo(before + 3);
    assertThat(value(text, "ledger_graphql_requests_seconds_count", "operation=\"processPayment\"",
        "outcome=\"VALIDATION_FAILED\"")).isEqualTo(refusedBefore + 1);
    assertThat(value(text, "ledger_appends_total", "outcome=\"stored\"")).isGreaterThanOrEqualTo(storedBefore + 3);
    assertThat(value(text, "ledger_elasticsearch_calls_seconds_count", "api=\"bulk\"", "outcome=\"ok\""))
        .isPositive();
    assertThat(text).contains("ledger_projection_backlog{").contains("ledger_cache_hits{");
  }

  @Test
  void every_graphql_response_carries_a_request_id_and_a_forged_one_is_replaced() throws Exception {
    String query = "{\"query\":\"{ __typename }\"}";
    HttpResponse<String> plain = post(query, "client-chosen.id-42");
    assertThat(plain.headers().firstValue("X-Request-Id")).contains("client-chosen.id-42");

    HttpResponse<String> forged = post(query, "abc~INFO forged$line"); // not a plain token: replaced
    String id = forged.headers().firstValue("X-Request-Id").orElseThrow();
    assertThat(id).matches("[0-9a-f]{16}");
    assertThat(forgedLineBreak(query)).as("a request id folded over two lines is not taken").doesNotContain("forged");

    HttpResponse<String> none = post(query, null);
    assertThat(none.headers().firstValue("X-Request-Id").orElseThrow()).matches("[0-9a-f]{16}").isNotEqualTo(id);
  }

  /**
   * The JDK client refuses to send a line break in a header, so this request is written by hand: an
   * X-Request-Id folded onto a second line (HTTP/1.1's obsolete line folding), the way a log line
   * would be forged. Returns the status line and the X-Request-Id the server answered with.
   */
  private String forgedLineBreak(String body) throws IOException {
    byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    try (java.net.Socket socket = new java.net.Socket("localhost", GraphQL.base().getPort())) {
      socket.setSoTimeout(10_000);
      String head = "POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
          + "Authorization: Bearer " + client.token() + "\r\n"
          + "X-Request-Id: abc\r\n INFO forged line\r\n"
          + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n";
      socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
      socket.getOutputStream().write(bytes);
      socket.getOutputStream().flush();
      String response = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
      String status = response.lines().findFirst().orElse("");
      String requestId = response.lines().filter(l -> l.regionMatches(true, 0, "X-Request-Id:", 0, 13)).findFirst()
          .orElse("");
      assertThat(status).as("an answer: refused, or served with an id of the server's").startsWith("HTTP/1.1 ");
      if (status.contains(" 200")) {
        assertThat(requestId.substring(13).trim()).matches("[0-9a-f]{16}");
      }
      return requestId;
    }
  }

  private HttpResponse<String> post(String body, String requestId) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(GraphQL.base() + "graphql"))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + client.token())
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (requestId != null) {
      request.header("X-Request-Id", requestId);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A sample's value in Prometheus text: the line with this name and all these labels; 0 when absent. */
  static double value(String exposition, String name, String... labels) {
    Pattern line = Pattern.compile("^" + Pattern.quote(name) + "\\{([^}]*)\\} ([0-9.eE+-]+)$", Pattern.MULTILINE);
    Matcher m = line.matcher(exposition);
    while (m.find()) {
      String found = m.group(1);
      boolean all = true;
      for (String label : labels) {
        all &= found.contains(label);
      }
      if (all) {
        return Double.parseDouble(m.group(2));
      }
    }
    return 0;
  }
}
