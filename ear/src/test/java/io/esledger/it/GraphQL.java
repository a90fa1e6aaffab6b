package io.esledger.it;

import io.esledger.devtools.DevTokens;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A plain HTTP GraphQL client: what any client of the ledger does, with a bearer token signed by
 * the key pair the test server trusts. {@link #onTestServer()} calls as an operator of {@code org-1}
 * (user {@code user-1}) who may also read and write; {@link #as} as someone else.
 */
final class GraphQL {

  static final String READ = "payments:read";
  static final String WRITE = "payments:write";
  static final String OPERATOR = "ledger:operator";

  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  private static DevTokens tokens;

  private final HttpClient http = HTTP;
  private final URI endpoint;
  private final String token;

  GraphQL(URI base, String token) {
    this.endpoint = base.resolve("/graphql");
    this.token = token;
  }

  static GraphQL onTestServer() {
    return new GraphQL(base(), token("org-1", "user-1", READ, WRITE, OPERATOR));
  }

  /** A caller of one organization (user {@code user-1}) who may read and write there. */
  GraphQL as(String organization) {
    return new GraphQL(base(), token(organization, "user-1", READ, WRITE));
  }

  /** A caller with exactly these roles. */
  GraphQL as(String organization, String user, String... roles) {
    return new GraphQL(base(), token(organization, user, roles));
  }

  /** The same server with any Authorization header value (null: none). */
  GraphQL withAuthorization(String bearerToken) {
    return new GraphQL(base(), bearerToken);
  }

  static URI base() {
    return URI.create("http://localhost:" + System.getProperty("liberty.http.port") + "/");
  }

  static synchronized DevTokens signer() {
    if (tokens == null) {
      try {
        tokens = DevTokens.in(Path.of(System.getProperty("ledger.it.keys", "target/it-keys")));
      } catch (IOException | GeneralSecurityException e) {
        throw new IllegalStateException("no test signing key", e);
      }
    }
    return tokens;
  }

  static String token(String organization, String user, String... roles) {
    return signer().token(organization, user, List.of(roles), Duration.ofHours(1));
  }

  String token() {
    return token;
  }

  URI endpoint() {
    return endpoint;
  }

  /** Posts a query with variables and returns the whole response object (data and errors). */
  JsonObject post(String query, Map<String, Object> variables) {
    JsonObjectBuilder vars = Json.createObjectBuilder(variables);
    String body = Json.createObjectBuilder().add("query", query).add("variables", vars).build().toString();
    return send(body);
  }

  JsonObject send(String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return exchange(request.build());
  }

  /** Sends a request and parses its body, whatever the status. */
  JsonObject exchange(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
        return reader.readObject();
      }
    } catch (IOException e) {
      throw new IllegalStateException("GraphQL endpoint " + endpoint + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonArray errors(JsonObject response) {
    return response.containsKey("errors") ? response.getJsonArray("errors") : JsonArray.EMPTY_JSON_ARRAY;
  }

  static String firstCode(JsonObject response) {
    return errors(response).getJsonObject(0).getJsonObject("extensions").getString("code");
  }
}
