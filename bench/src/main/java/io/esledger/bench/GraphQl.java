package io.esledger.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.esledger.bench.Http.BenchException;

/** GraphQL over HTTP POST (JSON) as an operator of org-1, every answer checked for errors. */
final class GraphQl {

  /** One answer and how long the round trip took (request sent → whole body received). */
  record Timed(JsonNode data, long nanos) {}

  private final Http http;
  private final String url;

  GraphQl(Http http, String url) {
    this.http = http;
    this.url = url;
  }

  Timed execute(String name, String query, ObjectNode variables) {
    ObjectNode request = Http.JSON.createObjectNode();
    request.put("query", query);
    request.set("variables", variables == null ? Http.JSON.createObjectNode() : variables);
    byte[] body;
    try {
      body = Http.JSON.writeValueAsBytes(request);
    } catch (JsonProcessingException e) {
      throw new BenchException("cannot write request", e);
    }
    long started = System.nanoTime();
    Http.Response response = http.post(url, "application/json", body, Tokens.forOrganization("org-1"));
    long nanos = System.nanoTime() - started;
    // checked after the clock stopped: parsing is the client's cost, not the server's
    if (response.status() != 200) {
      throw new BenchException(name + ": HTTP " + response.status() + ": " + Http.abbreviated(response.text())
          + "\n  variables: " + variables);
    }
    JsonNode answer = response.json();
    if (answer.has("errors")) {
      throw new BenchException(name + " answered with errors: " + Http.abbreviated(answer.get("errors").toString())
          + "\n  query: " + query + "\n  variables: " + variables);
    }
    JsonNode data = answer.path("data");
    if (data.isMissingNode() || data.isNull()) {
      throw new BenchException(name + " answered without data: " + Http.abbreviated(response.text()));
    }
    return new Timed(data, nanos);
  }

  JsonNode data(String name, String query, ObjectNode variables) {
    return execute(name, query, variables).data();
  }
}
