package io.esledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One JDK HTTP client for Elasticsearch and GraphQL. HTTP/1.1 only: the JDK client's h2c upgrade
 * on GET hangs against Liberty.
 */
final class Http {

  static final ObjectMapper JSON = new ObjectMapper();

  /** A response: status and the raw body. */
  record Response(int status, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new BenchException("not JSON (HTTP " + status + "): " + abbreviated(text()), e);
      }
    }
  }

  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  Response get(String url) {
    return send(HttpRequest.newBuilder(URI.create(url)).GET());
  }

  Response post(String url, String contentType, byte[] body) {
    return post(url, contentType, body, null);
  }

  /** A POST with a bearer token (null: none). */
  Response post(String url, String contentType, byte[] body, String bearer) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", contentType)
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return send(request);
  }

  Response put(String url, byte[] body) {
    return send(HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  Response delete(String url) {
    return send(HttpRequest.newBuilder(URI.create(url)).DELETE());
  }

  private Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<byte[]> response = client.send(request.timeout(Duration.ofMinutes(2)).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      return new Response(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new BenchException("HTTP request failed: " + request.build().uri() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchException("interrupted", e);
    }
  }

  static String abbreviated(String text) {
    return text.length() <= 2000 ? text : text.substring(0, 2000) + " …";
  }

  /** Stops the benchmark with a message (no numbers are printed after a failure). */
  static final class BenchException extends RuntimeException {
    BenchException(String message) {
      super(message);
    }

    BenchException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
