package io.esledger.it;

import static io.esledger.it.GraphQL.errors;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The analytics cache's Redis level failing under a real server: Redis (the build's own) stops
 * answering its clients for a while. Queries keep answering from Elasticsearch, the container's
 * circuit breaker opens (visible in the Fault Tolerance metrics) so Redis is left alone, and once
 * Redis answers again the breaker closes and the shared level is used again. The test server
 * shortens the breaker's delay to 2 s by configuration.
 */
@ExtendWith(ArquillianExtension.class)
class CacheOutageIT {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final String STATISTICS = "query($from: DateTime!, $to: DateTime!) { "
      + "eventStatistics(eventType: \"PaymentProcessed\", from: $from, to: $to) { total } }";
  private static final String CACHE = "{ cacheStatistics { redisAvailable redisFailures redisHits } }";
  private static final String OPEN_CALLS = "ft_circuitbreaker_calls_total";

  private final GraphQL client = GraphQL.onTestServer();
  private int query;

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return LedgerDeployment.ear();
  }

  /** Where the ranges start: a day back, so this test's own payments are in every one of them. */
  private final Instant since = Instant.now().minus(java.time.Duration.ofDays(1));
  private final GraphQL writer = GraphQL.onTestServer().as("outage-" + java.util.UUID.randomUUID().toString()
      .substring(0, 8));

  /**
   * A query with a range of its own (its start moves by a millisecond each time), so the in-process
   * level misses and Redis is asked; the test's organization's payments are in every range.
   */
  private int statistics() {
    query++;
    JsonObject answer = writer.post(STATISTICS, Map.of("from", since.plusMillis(query).toString(),
        "to", Instant.now().plus(java.time.Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.DAYS).toString()));
    assertThat(errors(answer)).as("a query while Redis fails: " + answer).isEmpty();
    return answer.getJsonObject("data").getJsonObject("eventStatistics").getInt("total");
  }

  private JsonObject cache() {
    JsonObject answer = client.post(CACHE, Map.of());
    assertThat(errors(answer)).as(answer.toString()).isEmpty();
    return answer.getJsonObject("data").getJsonObject("cacheStatistics");
  }

  private static double breakerRefusals() throws IOException, InterruptedException {
    String metrics = HTTP.send(HttpRequest.newBuilder(GraphQL.base().resolve("/metrics")).timeout(Duration.ofSeconds(10))
        .GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    return OperationsIT.value(metrics, OPEN_CALLS, "circuitBreakerResult=\"circuitBreakerOpen\"",
        "method=\"io.esledger.analytics.cache.GuardedRedis.get\"");
  }

  /** Redis' own CLIENT PAUSE: it stops answering every client for that long, like a hung server. */
  private static void pauseRedis(Duration howLong) throws IOException {
    assertThat(redis("CLIENT", "PAUSE", Long.toString(howLong.toMillis()), "ALL")).startsWith("+OK");
  }

  /** How many keys the test server's Redis holds. */
  private static long redisKeys() throws IOException {
    String reply = redis("DBSIZE");
    assertThat(reply).startsWith(":");
    return Long.parseLong(reply.substring(1).trim());
  }

  /** One command in Redis' protocol to the build's Redis, and its one-line reply. */
  private static String redis(String... words) throws IOException {
    StringBuilder command = new StringBuilder("*").append(words.length).append("\r\n");
    for (String word : words) {
      command.append('$').append(word.length()).append("\r\n").append(word).append("\r\n");
    }
    int port = Integer.parseInt(System.getProperty("redis.port", "6379"));
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      out.write(command.toString().getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] reply = new byte[64];
      int read = in.read(reply);
      return new String(reply, 0, Math.max(read, 0), StandardCharsets.US_ASCII);
    }
  }

  @Test
  void queries_answer_while_redis_hangs_the_breaker_opens_and_closes_again() throws Exception {
    List<String> tokens = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      JsonObject written = writer.post("mutation p($input: ProcessPaymentInput!) { processPayment(input: $input) "
          + "{ consistencyToken } }", Map.of("input", Map.of("paymentId", "outage-" + i, "amount", "1.00",
          "currency", "EUR")));
      assertThat(errors(written)).as(written.toString()).isEmpty();
      tokens.add(written.getJsonObject("data").getJsonObject("processPayment").getString("consistencyToken"));
    }
    JsonObject searched = writer.post("query q($t: [String!]) { searchEvents(consistentWith: $t) { total } }",
        Map.of("t", jakarta.json.Json.createArrayBuilder(tokens).build()));
    assertThat(errors(searched)).as(searched.toString()).isEmpty(); // the three are searchable now
    int total = statistics();
    assertThat(total).as("the organization's three payments, so answers before and during the outage can differ")
        .isEqualTo(3);
    assertThat(cache().getBoolean("redisAvailable")).as("Redis answers before the outage").isTrue();
    int failuresBefore = cache().getInt("redisFailures");
    double refusalsBefore = breakerRefusals();

    Duration outage = Duration.ofSeconds(20);
    Instant redisBack = Instant.now().plus(outage);
    pauseRedis(outage);
    for (int i = 0; i < 16 && breakerRefusals() == refusalsBefore; i++) {
      assertThat(statistics()).as("answers come from Elasticsearch").isEqualTo(total);
    }
    assertThat(breakerRefusals()).as("the circuit breaker opened and refused calls to Redis")
        .isGreaterThan(refusalsBefore);
    JsonObject during = cache();
    assertThat(during.getBoolean("redisAvailable")).isFalse();
    assertThat(during.getInt("redisFailures")).isGreaterThan(failuresBefore);
    assertThat(statistics()).isEqualTo(total);

    Thread.sleep(Math.max(0, Duration.between(Instant.now(), redisBack).toMillis()));
    boolean answering = false;
    for (int i = 0; i < 60 && !answering; i++) { // the breaker half-opens after its delay, then closes on success
      statistics();
      answering = cache().getBoolean("redisAvailable");
      if (!answering) {
        Thread.sleep(500);
      }
    }
    assertThat(answering).as("Redis used again after the outage").isTrue();
    long stored = redisKeys();
    statistics();
    assertThat(redisKeys()).as("a new answer is shared through Redis again").isGreaterThan(stored);
  }
}
