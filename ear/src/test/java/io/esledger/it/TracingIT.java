package io.esledger.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * OpenTelemetry traces from the real server: the test server exports spans over OTLP to a receiver
 * in this test, sampling only requests whose caller asks for it (a sampled {@code traceparent}).
 * One processPayment must be one trace: the server's HTTP span, the application's span for the
 * GraphQL operation under it, and the Elasticsearch calls under that — including the bulk request the
 * group commit thread sends for it.
 */
@ExtendWith(ArquillianExtension.class)
class TracingIT {

  private static final List<Span> RECEIVED = new CopyOnWriteArrayList<>();
  private static HttpServer receiver;

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return LedgerDeployment.ear();
  }

  /** The fields of an OTLP span this test looks at; {@code raw} holds the rest (attributes). */
  record Span(String traceId, String spanId, String parentId, String name, int kind, String raw) {}

  @BeforeAll
  static void receiveSpans() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.getInteger("otlp.port")), 0);
    receiver.createContext("/v1/traces", exchange -> {
      byte[] body;
      try (InputStream in = "gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))
          ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      RECEIVED.addAll(Otlp.spans(body));
      exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
      exchange.sendResponseHeaders(200, 0);
      exchange.close();
    });
    receiver.start();
  }

  @AfterAll
  static void stop() {
    receiver.stop(0);
  }

  private static String hex(int bytes) {
    byte[] random = new byte[bytes];
    new SecureRandom().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }

  /** One processPayment sent as part of the caller's trace {@code traceId}, under its span {@code callerSpan}. */
  private static void tracedPayment(String traceId, String callerSpan) throws Exception {
    GraphQL graphql = GraphQL.onTestServer();
    String body = Json.createObjectBuilder()
        .add("query", "mutation { processPayment(input: { paymentId: \"traced-" + UUID.randomUUID()
            + "\", amount: \"12.00\", currency: \"EUR\" }) { version } }")
        .build().toString();
    JsonObject response = graphql.exchange(HttpRequest.newBuilder(graphql.endpoint())
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + graphql.token())
        .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    assertThat(GraphQL.errors(response)).isEmpty();
  }

  /**
   * The spans of a trace once its server span (under {@code callerSpan}), its GraphQL operation's
   * span and its bulk call have arrived; what arrived by the deadline otherwise.
   */
  private static List<Span> trace(String traceId, String callerSpan, Duration within) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    List<Span> spans = List.of();
    while (System.nanoTime() < deadline) {
      spans = RECEIVED.stream().filter(s -> s.traceId().equals(traceId)).toList();
      boolean serverEnded = spans.stream().anyMatch(s -> s.kind() == 2 && s.parentId().equals(callerSpan));
      boolean requestEnded = spans.stream().anyMatch(s -> s.name().equals("graphql processPayment"));
      boolean bulkEnded = spans.stream().anyMatch(s -> s.raw().contains("bulk"));
      if (serverEnded && requestEnded && bulkEnded) {
        return spans;
      }
      Thread.sleep(50);
    }
    return spans;
  }

  private static Optional<Span> parentOf(Span span, List<Span> spans) {
    return spans.stream().filter(s -> s.spanId().equals(span.parentId())).findFirst();
  }

  private static boolean descendsFrom(Span span, Span ancestor, List<Span> spans) {
    for (Optional<Span> at = parentOf(span, spans); at.isPresent(); at = parentOf(at.get(), spans)) {
      if (at.get().equals(ancestor)) {
        return true;
      }
    }
    return false;
  }

  @Test
  void one_processPayment_is_one_trace_from_http_through_the_request_to_each_elasticsearch_call() throws Exception {
    String traceId = hex(16);
    String callerSpan = hex(8);
    tracedPayment(traceId, callerSpan);

    List<Span> spans = trace(traceId, callerSpan, Duration.ofSeconds(20));

    Span http = spans.stream().filter(s -> s.kind() == 2 && s.parentId().equals(callerSpan)).findFirst()
        .orElseThrow(() -> new AssertionError("no server span under the caller's span: " + spans));
    Span request = spans.stream().filter(s -> s.name().equals("graphql processPayment")).findFirst()
        .orElseThrow(() -> new AssertionError("no span for the GraphQL operation: " + spans));
    assertThat(descendsFrom(request, http, spans)).as("the operation's span is under the HTTP span").isTrue();
    assertThat(request.raw()).contains("graphql.operation.name").contains("ledger.request_id")
        .contains("ledger.outcome");
    List<Span> elasticsearch = spans.stream().filter(s -> s.raw().contains("elasticsearch")).toList();
    assertThat(elasticsearch).as("spans of Elasticsearch calls").isNotEmpty()
        .allSatisfy(call -> assertThat(descendsFrom(call, request, spans)).as(call.name()).isTrue());
    assertThat(elasticsearch).as("the bulk request of the append, sent by the group commit thread")
        .anySatisfy(call -> assertThat(call.raw()).contains("bulk"));
  }

  @Test
  void requests_that_do_not_ask_for_a_trace_are_not_recorded() throws Exception {
    int before = RECEIVED.size();
    java.util.Set<String> earlierTraces = new java.util.HashSet<>();
    RECEIVED.subList(0, before).forEach(s -> earlierTraces.add(s.traceId()));
    JsonObject response = GraphQL.onTestServer().post("mutation { processPayment(input: { paymentId: \"untraced-"
        + UUID.randomUUID() + "\", amount: \"3.00\", currency: \"EUR\" }) { version } }", Map.of());
    assertThat(GraphQL.errors(response)).isEmpty();
    // a traced request after it: once its spans have arrived, any span of the one before would have too
    String marker = hex(16);
    String callerSpan = hex(8);
    tracedPayment(marker, callerSpan);
    assertThat(trace(marker, callerSpan, Duration.ofSeconds(20))).as("the marker request's spans").isNotEmpty();
    assertThat(RECEIVED.subList(before, RECEIVED.size()))
        .filteredOn(s -> !s.traceId().equals(marker) && !earlierTraces.contains(s.traceId()))
        .as("spans of the request that asked for no trace").isEmpty();
  }

  /** Just enough of the protobuf wire format to read spans out of an OTLP ExportTraceServiceRequest. */
  static final class Otlp {

    static List<Span> spans(byte[] request) {
      List<Span> spans = new ArrayList<>();
      for (byte[] resourceSpans : field(request, 1)) {
        for (byte[] scopeSpans : field(resourceSpans, 2)) {
          for (byte[] span : field(scopeSpans, 2)) {
            spans.add(span(span));
          }
        }
      }
      return spans;
    }

    private static Span span(byte[] span) {
      HexFormat hex = HexFormat.of();
      return new Span(hex.formatHex(first(span, 1)), hex.formatHex(first(span, 2)), hex.formatHex(first(span, 4)),
          new String(first(span, 5), StandardCharsets.UTF_8), (int) varintField(span, 6),
          new String(span, StandardCharsets.ISO_8859_1));
    }

    private static byte[] first(byte[] message, int number) {
      List<byte[]> values = field(message, number);
      return values.isEmpty() ? new byte[0] : values.get(0);
    }

    /** The length-delimited values of field {@code number}. */
    private static List<byte[]> field(byte[] message, int number) {
      List<byte[]> values = new ArrayList<>();
      walk(message, (field, wireType, value, bytes) -> {
        if (field == number && wireType == 2) {
          values.add(bytes);
        }
      });
      return values;
    }

    private static long varintField(byte[] message, int number) {
      long[] found = {0};
      walk(message, (field, wireType, value, bytes) -> {
        if (field == number && wireType == 0) {
          found[0] = value;
        }
      });
      return found[0];
    }

    private interface Visitor {
      void field(int number, int wireType, long value, byte[] bytes);
    }

    private static void walk(byte[] message, Visitor visitor) {
      int[] at = {0};
      while (at[0] < message.length) {
        long key = varint(message, at);
        int number = (int) (key >>> 3);
        int wireType = (int) (key & 7);
        switch (wireType) {
          case 0 -> visitor.field(number, 0, varint(message, at), null);
          case 1 -> at[0] += 8;
          case 2 -> {
            int length = (int) varint(message, at);
            ByteArrayOutputStream copy = new ByteArrayOutputStream(length);
            copy.write(message, at[0], length);
            at[0] += length;
            visitor.field(number, 2, 0, copy.toByteArray());
          }
          case 5 -> at[0] += 4;
          default -> throw new IllegalStateException("unexpected wire type " + wireType);
        }
      }
    }

    private static long varint(byte[] message, int[] at) {
      long value = 0;
      for (int shift = 0; ; shift += 7) {
        byte b = message[at[0]++];
        value |= (long) (b & 0x7f) << shift;
        if ((b & 0x80) == 0) {
          return value;
        }
      }
    }
  }
}
