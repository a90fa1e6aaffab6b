package io.esledger.it;

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
import java.time.Duration;
import java.util.Map;

/** A plain HTTP GraphQL client: what any client of the ledger does. */
final class GraphQL {

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  private final URI endpoint;

  GraphQL(URI base) {
    this.endpoint = base.resolve("/graphql");
  }

  static GraphQL onTestServer() {
    return new GraphQL(URI.create("http://localhost:" + System.getProperty("liberty.http.port") + "/"));
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
    HttpRequest request = HttpRequest.newBuilder(endpoint)
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
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
