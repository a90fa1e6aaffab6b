package io.esledger.it;

import static io.esledger.it.GraphQL.OPERATOR;
import static io.esledger.it.GraphQL.READ;
import static io.esledger.it.GraphQL.WRITE;
import static io.esledger.it.GraphQL.errors;
import static io.esledger.it.GraphQL.firstCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.esledger.devtools.DevTokens;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who may do what, through the real server with real signed tokens: no token or a bad one is
 * UNAUTHENTICATED, a missing role or another organization is FORBIDDEN, and every read of one
 * organization holds nothing of another's, whatever the filter asks for.
 */
@ExtendWith(ArquillianExtension.class)
class SecurityIT {

  private static final String HISTORY = "query($id: ID!) { paymentHistory(paymentId: $id) { eventId } }";

  private final GraphQL operator = GraphQL.onTestServer();
  private final String from = Instant.now().minus(1, ChronoUnit.HOURS).toString();
  private final String to = Instant.now().plus(1, ChronoUnit.HOURS).toString();

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return LedgerDeployment.ear();
  }

  private static Map<String, Object> payment(String paymentId) {
    Map<String, Object> input = new HashMap<>();
    input.put("paymentId", paymentId);
    input.put("amount", "10.00");
    input.put("currency", "EUR");
    return input;
  }

  private List<String> historyAsOperator(String paymentId) {
    JsonObject response = operator.post(HISTORY, Map.of("id", paymentId));
    assertThat(errors(response)).as(response.toString()).isEmpty();
    return response.getJsonObject("data").getJsonArray("paymentHistory").getValuesAs(JsonObject.class).stream()
        .map(e -> e.getString("eventId")).toList();
  }

  @Test
  void without_a_valid_token_nothing_is_answered() {
    String id = "p-" + UUID.randomUUID();
    String mutation = "mutation($input: ProcessPaymentInput!) { processPayment(input: $input) { paymentId } }";
    DevTokens signer = GraphQL.signer();
    Map<String, Object> expired = new LinkedHashMap<>();
    expired.put("iss", DevTokens.ISSUER);
    expired.put("sub", "user-1");
    expired.put("org", "org-1");
    expired.put("groups", List.of(WRITE));
    expired.put("iat", Instant.now().minusSeconds(7200).getEpochSecond());
    expired.put("exp", Instant.now().minusSeconds(3600).getEpochSecond());
    Map<String, Object> foreignIssuer = new LinkedHashMap<>(expired);
    foreignIssuer.put("iss", "https://somebody-else.example");
    foreignIssuer.put("exp", Instant.now().plusSeconds(3600).getEpochSecond());

    List<String> badTokens = new ArrayList<>();
    badTokens.add(null);
    badTokens.add("not-a-jwt");
    badTokens.add(signer.signed(expired));
    badTokens.add(signer.signed(foreignIssuer));
    String good = GraphQL.token("org-1", "user-1", WRITE);
    badTokens.add(good.substring(0, good.lastIndexOf('.')) + ".AAAA"); // a signature that is not the key's

    for (String bad : badTokens) {
      JsonObject response = operator.withAuthorization(bad).post(mutation, Map.of("input", payment(id)));
      assertThat(firstCode(response)).as("token %s", bad).isEqualTo("UNAUTHENTICATED");
      assertThat(response.get("data")).as("no data").isIn(null, JsonValue.NULL);
    }
    assertThat(historyAsOperator(id)).as("nothing stored").isEmpty();
  }

  @Test
  void a_token_without_the_role_is_forbidden_and_stores_nothing() {
    String id = "p-" + UUID.randomUUID();
    GraphQL reader = operator.as("org-1", "user-1", READ);
    JsonObject response = reader.post(
        "mutation($input: ProcessPaymentInput!) { processPayment(input: $input) { paymentId } }",
        Map.of("input", payment(id)));
    assertThat(firstCode(response)).isEqualTo("FORBIDDEN");
    assertThat(historyAsOperator(id)).isEmpty();

    GraphQL writer = operator.as("org-1", "user-1", WRITE);
    assertThat(firstCode(writer.post(HISTORY, Map.of("id", id)))).as("writing is not reading").isEqualTo("FORBIDDEN");
    for (String operatorOnly : List.of("query { projectionStatus { name } }",
        "query { cacheStatistics { hits } }", "mutation { rebuildProjection { name } }")) {
      assertThat(firstCode(reader.post(operatorOnly, Map.of()))).as(operatorOnly).isEqualTo("FORBIDDEN");
    }
    assertThat(errors(operator.post("query { projectionStatus { name } }", Map.of()))).isEmpty();
  }

  @Test
  void the_organization_and_user_are_the_tokens_never_the_inputs() {
    GraphQL writer = operator.as("org-own-" + UUID.randomUUID(), "user-7", READ, WRITE);
    String foreignOrg = "p-" + UUID.randomUUID();
    Map<String, Object> input = payment(foreignOrg);
    input.put("organizationId", "org-someone-else");
    String mutation = "mutation($input: ProcessPaymentInput!) { processPayment(input: $input) { paymentId } }";
    assertThat(firstCode(writer.post(mutation, Map.of("input", input)))).isEqualTo("FORBIDDEN");
    String foreignUser = "p-" + UUID.randomUUID();
    input = payment(foreignUser);
    input.put("userId", "user-8");
    assertThat(firstCode(writer.post(mutation, Map.of("input", input)))).isEqualTo("FORBIDDEN");
    assertThat(historyAsOperator(foreignOrg)).isEmpty();
    assertThat(historyAsOperator(foreignUser)).isEmpty();

    String own = "p-" + UUID.randomUUID();
    assertThat(errors(writer.post(mutation, Map.of("input", payment(own))))).isEmpty();
    JsonObject event = writer.post("query($id: ID!) { paymentHistory(paymentId: $id) { metadata { organizationId "
        + "userId } } }", Map.of("id", own)).getJsonObject("data").getJsonArray("paymentHistory").getJsonObject(0);
    assertThat(event.getJsonObject("metadata").getString("userId")).isEqualTo("user-7");
    assertThat(event.getJsonObject("metadata").getString("organizationId")).startsWith("org-own-");
  }

  @Test
  void two_organizations_may_both_have_a_payment_of_one_id_and_see_only_their_own() {
    String id = "payment-" + UUID.randomUUID();
    String mutation = "mutation($input: ProcessPaymentInput!) { processPayment(input: $input) { paymentId version } }";
    GraphQL a = operator.as("org-a-" + UUID.randomUUID());
    GraphQL b = operator.as("org-b-" + UUID.randomUUID());
    Map<String, Object> forA = payment(id);
    forA.put("amount", "11.00");
    Map<String, Object> forB = payment(id);
    forB.put("amount", "22.00");

    assertThat(errors(a.post(mutation, Map.of("input", forA)))).isEmpty();
    JsonObject second = b.post(mutation, Map.of("input", forB));
    assertThat(errors(second)).as("neither blocks the other's").isEmpty();
    assertThat(second.getJsonObject("data").getJsonObject("processPayment").getInt("version")).isEqualTo(1);

    String payment = "query($id: ID!) { payment(paymentId: $id) { paymentId amount } "
        + "paymentHistory(paymentId: $id) { aggregateId } }";
    JsonObject seenByA = data(a, payment, Map.of("id", id));
    JsonObject seenByB = data(b, payment, Map.of("id", id));
    assertThat(seenByA.getJsonObject("payment").getJsonNumber("amount").bigDecimalValue()).isEqualByComparingTo("11");
    assertThat(seenByB.getJsonObject("payment").getJsonNumber("amount").bigDecimalValue()).isEqualByComparingTo("22");
    assertThat(seenByA.getJsonArray("paymentHistory")).hasSize(1);
    assertThat(seenByB.getJsonArray("paymentHistory")).hasSize(1);
    assertThat(seenByA.getJsonArray("paymentHistory").getJsonObject(0).getString("aggregateId")).isEqualTo(id);
  }

  @Test
  void only_json_is_executed() throws Exception {
    String id = "p-" + UUID.randomUUID();
    String body = Json.createObjectBuilder().add("query", "mutation { processPayment(input: {paymentId: \"" + id
        + "\", amount: \"1\", currency: \"EUR\"}) { paymentId } }").build().toString();
    for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data")) {
      HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(operator.endpoint())
          .header("Content-Type", type).header("Authorization", "Bearer " + operator.token())
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(type).isEqualTo(415);
      assertThat(response.body()).contains("UNSUPPORTED_MEDIA_TYPE");
    }
    assertThat(historyAsOperator(id)).isEmpty();
  }

  @Test
  void an_alias_bomb_and_a_depth_bomb_are_refused_before_anything_runs() {
    String prefix = "bomb-" + UUID.randomUUID() + "-";
    StringBuilder aliases = new StringBuilder("mutation {");
    for (int i = 0; i < 300; i++) {
      aliases.append(" p").append(i).append(": processPayment(input: {paymentId: \"").append(prefix).append(i)
          .append("\", amount: \"1\", currency: \"EUR\"}) { paymentId version }");
    }
    JsonObject refused = operator.post(aliases.append(" }").toString(), Map.of());
    assertThat(firstCode(refused)).isEqualTo("QUERY_TOO_COMPLEX");
    assertThat(historyAsOperator(prefix + "0")).isEmpty();
    assertThat(historyAsOperator(prefix + "299")).isEmpty();

    String deep = "{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType "
        + "{ ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } } } } } } }";
    assertThat(firstCode(operator.post(deep, Map.of()))).isEqualTo("QUERY_TOO_DEEP");
    assertThat(errors(operator.post("{ searchEvents { total } }", Map.of()))).as("answers normally after").isEmpty();
  }

  @Test
  void a_body_over_the_limit_is_refused_declared_or_streamed() throws Exception {
    String huge = Json.createObjectBuilder().add("query", "{ searchEvents { total } }")
        .add("variables", Json.createObjectBuilder().add("pad", "x".repeat(1_100_000))).build().toString();
    for (HttpRequest.BodyPublisher body : List.of(HttpRequest.BodyPublishers.ofString(huge),
        HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge.getBytes())))) {
      HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
          .send(HttpRequest.newBuilder(operator.endpoint()).header("Content-Type", "application/json")
              .header("Authorization", "Bearer " + operator.token()).POST(body).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(413);
      assertThat(response.body()).contains("REQUEST_TOO_LARGE");
    }
  }

  @Test
  void https_is_served_with_the_development_certificate() throws Exception {
    // the development certificate is self-signed: this client trusts it explicitly, as a browser would after a prompt
    javax.net.ssl.SSLContext trustAll = javax.net.ssl.SSLContext.getInstance("TLS");
    trustAll.init(null, new javax.net.ssl.TrustManager[] {new javax.net.ssl.X509TrustManager() {
      @Override
      public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType) {}

      @Override
      public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType) {}

      @Override
      public java.security.cert.X509Certificate[] getAcceptedIssuers() {
        return new java.security.cert.X509Certificate[0];
      }
    }}, null);
    javax.net.ssl.SSLParameters noHostCheck = new javax.net.ssl.SSLParameters();
    noHostCheck.setEndpointIdentificationAlgorithm(null);
    HttpClient https = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(trustAll)
        .sslParameters(noHostCheck).build();
    URI endpoint = URI.create("https://localhost:" + System.getProperty("liberty.https.port") + "/graphql");
    HttpResponse<String> response = https.send(HttpRequest.newBuilder(endpoint)
        .header("Content-Type", "application/json").header("Authorization", "Bearer " + operator.token())
        .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ searchEvents { total } }\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"total\"");
  }

  @Test
  void a_websocket_with_a_bad_token_is_refused_at_the_upgrade_and_one_without_runs_nothing() throws Exception {
    URI ws = URI.create(operator.endpoint().toString().replace("http://", "ws://"));
    assertThatThrownBy(() -> HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("graphql-transport-ws")
        .header("Authorization", "Bearer not-a-jwt")
        .buildAsync(ws, new WebSocket.Listener() {}).get(10, TimeUnit.SECONDS))
        .cause().isInstanceOfSatisfying(WebSocketHandshakeException.class,
            refused -> assertThat(refused.getResponse().statusCode()).isEqualTo(401));
    // no header at all (a browser): the upgrade is taken, but nothing runs before a token in connection_init
    try (GraphQLSocket socket = GraphQLSocket.bare(operator)) {
      socket.subscribe("1", "subscription { events { position } }");
      assertThat(socket.closedWith(10)).isEqualTo(4401);
      assertThat(socket.messages).isEmpty();
    }
  }

  /** The claims of a good token for org-1 with one claim changed (null: removed), signed with the trusted key. */
  private static String tokenWith(String claim, Object value) {
    Map<String, Object> claims = new LinkedHashMap<>(GraphQL.signer().claims("org-1", "user-1",
        List.of(READ, WRITE), java.time.Duration.ofHours(1)));
    if (value == null) {
      claims.remove(claim);
    } else {
      claims.put(claim, value);
    }
    return GraphQL.signer().signed(claims);
  }

  @Test
  void tokens_are_checked_for_expiry_within_a_small_skew_for_audience_and_for_a_user() throws Exception {
    long now = Instant.now().getEpochSecond();
    Map<String, String> refused = new LinkedHashMap<>();
    refused.put("expired a minute ago", tokenWith("exp", now - 60));
    refused.put("issued two minutes from now", tokenWith("iat", now + 120));
    refused.put("not valid for two minutes yet", tokenWith("nbf", now + 120));
    refused.put("for another service", tokenWith("aud", "billing-service"));
    refused.put("for no audience", tokenWith("aud", null));
    refused.put("without a subject", tokenWith("sub", null));
    String query = "{ payments { total } }";
    for (Map.Entry<String, String> bad : refused.entrySet()) {
      HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(operator.endpoint())
          .header("Content-Type", "application/json").header("Authorization", "Bearer " + bad.getValue())
          .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder().add("query", query).build().toString()))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(bad.getKey() + ": " + response.body()).isEqualTo(401);
      assertThat(response.body()).as(bad.getKey()).contains("UNAUTHENTICATED");
    }
    JsonObject fine = operator.withAuthorization(tokenWith("exp", now + 60)).post(query, Map.of());
    assertThat(GraphQL.errors(fine)).as("a token valid for another minute: " + fine).isEmpty();
  }

  @Test
  void an_organization_claim_must_be_a_bounded_name() {
    Map<String, Object> bad = new LinkedHashMap<>();
    bad.put("an array", List.of("org-1", "org-2"));
    bad.put("a number", 42);
    bad.put("an object", Map.of("id", "org-1"));
    bad.put("too long", "o".repeat(65));
    bad.put("with a slash", "org/1");
    bad.put("blank", " ");
    for (Map.Entry<String, Object> claim : bad.entrySet()) {
      JsonObject response = operator.withAuthorization(tokenWith("org", claim.getValue()))
          .post("{ payments { total } }", Map.of());
      assertThat(firstCode(response)).as(claim.getKey() + ": " + response).isEqualTo("FORBIDDEN");
    }
    JsonObject longest = operator.withAuthorization(tokenWith("org", "o".repeat(64))).post("{ payments { total } }",
        Map.of());
    assertThat(GraphQL.errors(longest)).as(longest.toString()).isEmpty();
  }

  @Test
  void every_read_holds_only_the_callers_organization() {
    String a = "org-a-" + UUID.randomUUID();
    String b = "org-b-" + UUID.randomUUID();
    String correlation = "corr-" + UUID.randomUUID();
    String word = "w" + UUID.randomUUID().toString().replace("-", "");
    GraphQL asA = operator.as(a);
    GraphQL asB = operator.as(b);
    String logHead = head();
    List<String> tokens = new ArrayList<>();
    List<String> bIds = new ArrayList<>();
    List<String> bEventIds = new ArrayList<>();
    String mutation = "mutation($input: ProcessPaymentInput!) { processPayment(input: $input) { paymentId eventIds "
        + "consistencyToken } }";
    for (int i = 0; i < 6; i++) {
      boolean forA = i % 2 == 0;
      String id = (forA ? "a-" : "b-") + word + "-" + i;
      Map<String, Object> input = payment(id);
      input.put("correlationId", correlation);
      input.put("commandId", word + "-" + i); // the shared word, searchable as text in both organizations
      JsonObject receipt = (forA ? asA : asB).post(mutation, Map.of("input", input));
      assertThat(errors(receipt)).as(receipt.toString()).isEmpty();
      JsonObject r = receipt.getJsonObject("data").getJsonObject("processPayment");
      tokens.add(r.getString("consistencyToken"));
      if (!forA) {
        bIds.add(id);
        bEventIds.add(r.getJsonArray("eventIds").getString(0));
      }
    }
    JsonArray tokenArray = Json.createArrayBuilder(tokens).build();

    // another organization's payment, event and stream do not exist for A
    for (int i = 0; i < bIds.size(); i++) {
      assertThat(data(asA, HISTORY, Map.of("id", bIds.get(i))).getJsonArray("paymentHistory")).isEmpty();
      assertThat(data(asA, "query($id: ID!) { payment(paymentId: $id) { paymentId } }", Map.of("id", bIds.get(i)))
          .get("payment")).isEqualTo(JsonValue.NULL);
      assertThat(data(asA, "query($id: ID!) { event(eventId: $id) { eventId } }", Map.of("id", bEventIds.get(i)))
          .get("event")).isEqualTo(JsonValue.NULL);
    }
    // a filter naming B is refused, not widened
    assertThat(firstCode(asA.post("query($org: ID) { searchEvents(filter: { organizationId: $org }) { total } }",
        Map.of("org", b)))).isEqualTo("FORBIDDEN");
    assertThat(firstCode(asA.post("query($org: ID) { payments(filter: { organizationId: $org }) { total } }",
        Map.of("org", b)))).isEqualTo("FORBIDDEN");

    Map<String, Object> vars = new HashMap<>();
    vars.put("t", tokenArray);
    vars.put("corr", correlation);
    vars.put("word", word);
    vars.put("from", from);
    vars.put("to", to);
    JsonObject found = data(asA, """
        query($t: [String!], $corr: ID!, $word: String!, $from: DateTime!, $to: DateTime!) {
          searchEvents(filter: { text: $word }, consistentWith: $t) { total items { metadata { organizationId } } }
          searchPaymentEvents(filter: { text: $word }, consistentWith: $t) { items { metadata { organizationId } } }
          searchEventData(text: $word, consistentWith: $t) { metadata { organizationId } }
          eventCorrelations(correlationId: $corr, consistentWith: $t) { metadata { organizationId } }
          eventsByType(eventType: "PaymentProcessed", from: $from, to: $to, consistentWith: $t) {
            metadata { organizationId } }
          eventStatistics(eventType: "PaymentProcessed", from: $from, to: $to, consistentWith: $t) {
            total byOrganization { key count } }
          eventTrends(eventType: "PaymentProcessed", from: $from, to: $to, interval: HOUR, consistentWith: $t) {
            count }
          eventHeatmap(eventType: "PaymentProcessed", from: $from, to: $to, consistentWith: $t) { byHour { count } }
          payments(consistentWith: $t, page: { size: 100 }) { total items { organizationId } }
        }""", vars);

    assertThat(orgs(found.getJsonObject("searchEvents").getJsonArray("items"))).containsOnly(a).hasSize(3);
    assertThat(orgs(found.getJsonObject("searchPaymentEvents").getJsonArray("items"))).containsOnly(a).hasSize(3);
    assertThat(orgs(found.getJsonArray("searchEventData"))).containsOnly(a).hasSize(3);
    assertThat(orgs(found.getJsonArray("eventCorrelations"))).containsOnly(a).hasSize(3);
    assertThat(orgs(found.getJsonArray("eventsByType"))).containsOnly(a).hasSize(3);
    JsonObject statistics = found.getJsonObject("eventStatistics");
    assertThat(statistics.getJsonNumber("total").longValue()).isEqualTo(3);
    assertThat(statistics.getJsonArray("byOrganization").getValuesAs(JsonObject.class))
        .extracting(o -> o.getString("key")).containsExactly(a);
    assertThat(sum(found.getJsonArray("eventTrends"))).isEqualTo(3);
    assertThat(sum(found.getJsonObject("eventHeatmap").getJsonArray("byHour"))).isEqualTo(3);
    JsonObject payments = found.getJsonObject("payments");
    assertThat(payments.getJsonArray("items").getValuesAs(JsonObject.class))
        .extracting(o -> o.getString("organizationId")).containsOnly(a).hasSize(3);
    List<String> logOrgs = new ArrayList<>();
    String position = logHead;
    for (boolean atHead = false; !atHead; ) {
      JsonObject page = data(asA, "query($p: String) { eventLog(after: $p, first: 1000) { next atHead "
          + "events { event { metadata { organizationId } } } } }", singleton("p", position)).getJsonObject("eventLog");
      page.getJsonArray("events").getValuesAs(JsonObject.class).forEach(e ->
          logOrgs.add(e.getJsonObject("event").getJsonObject("metadata").getString("organizationId")));
      position = page.getString("next");
      atHead = page.getBoolean("atHead");
    }
    assertThat(logOrgs).as("the log read as A").containsOnly(a).hasSize(3);

    // the operator sees both
    JsonObject all = data(operator, "query($corr: ID!) { eventCorrelations(correlationId: $corr) { eventId } }",
        Map.of("corr", correlation));
    assertThat(all.getJsonArray("eventCorrelations")).hasSize(6);
  }

  /** Where the log ends now, read as the operator (every organization). */
  private String head() {
    String position = null;
    for (boolean atHead = false; !atHead; ) {
      JsonObject page = data(operator, "query($p: String) { eventLog(after: $p, first: 1000) { next atHead } }",
          singleton("p", position)).getJsonObject("eventLog");
      position = page.getString("next");
      atHead = page.getBoolean("atHead");
    }
    return position;
  }

  private static Map<String, Object> singleton(String name, Object value) {
    Map<String, Object> map = new HashMap<>();
    if (value != null) {
      map.put(name, value);
    }
    return map;
  }

  private static JsonObject data(GraphQL caller, String query, Map<String, Object> variables) {
    JsonObject response = caller.post(query, variables);
    assertThat(errors(response)).as(response.toString()).isEmpty();
    return response.getJsonObject("data");
  }

  private static List<String> orgs(JsonArray events) {
    return events.getValuesAs(JsonObject.class).stream()
        .map(e -> e.getJsonObject("metadata").getString("organizationId")).toList();
  }

  private static long sum(JsonArray buckets) {
    return buckets.getValuesAs(JsonObject.class).stream().mapToLong(o -> o.getJsonNumber("count").longValue()).sum();
  }

  @Test
  void a_refused_token_is_not_written_to_the_server_log() throws Exception {
    String good = GraphQL.token("org-1", "user-1", READ);
    String forged = good.substring(0, good.lastIndexOf('.')) + ".Zm9yZ2VkLXNpZ25hdHVyZQ";
    JsonObject refused = operator.withAuthorization(forged).post("{ payments { total } }", Map.of());
    assertThat(firstCode(refused)).isEqualTo("UNAUTHENTICATED");

    // Liberty logs a refusal while authenticating, before the 401 is sent; every token's header is the same
    String tokenHeader = good.substring(0, good.indexOf('.'));
    java.nio.file.Path logs = java.nio.file.Path.of("target", "liberty", "wlp", "usr", "servers", "ledger-it", "logs");
    assertThat(java.nio.file.Files.readString(logs.resolve("messages.log"))).doesNotContain(tokenHeader)
        .doesNotContain(forged.substring(forged.indexOf('.') + 1, forged.lastIndexOf('.')));
  }
}
