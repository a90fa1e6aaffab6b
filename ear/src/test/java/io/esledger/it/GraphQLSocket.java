package io.esledger.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A graphql-transport-ws client as GraphQL clients use one: the bearer token either on the upgrade
 * request (server-side clients) or in {@code connection_init}'s payload (browsers cannot set
 * headers on a WebSocket).
 */
final class GraphQLSocket implements AutoCloseable {

  final WebSocket socket;
  final BlockingQueue<JsonObject> messages;
  private final BlockingQueue<Integer> closed;

  private GraphQLSocket(WebSocket socket, BlockingQueue<JsonObject> messages, BlockingQueue<Integer> closed) {
    this.socket = socket;
    this.messages = messages;
    this.closed = closed;
  }

  /** Opened with the token on the upgrade request, {@code connection_init} sent and acknowledged. */
  static GraphQLSocket withHeader(GraphQL caller) throws Exception {
    GraphQLSocket socket = open(caller, true);
    socket.init(null);
    socket.expect("connection_ack");
    return socket;
  }

  /** Opened without any header; nothing sent yet. */
  static GraphQLSocket bare(GraphQL caller) throws Exception {
    return open(caller, false);
  }

  private static GraphQLSocket open(GraphQL caller, boolean header) throws Exception {
    URI ws = URI.create(caller.endpoint().toString().replace("http://", "ws://"));
    BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
    BlockingQueue<Integer> closed = new LinkedBlockingQueue<>();
    WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("graphql-transport-ws");
    if (header) {
      builder.header("Authorization", "Bearer " + caller.token());
    }
    return new GraphQLSocket(builder.buildAsync(ws, new Collector(messages, closed)).get(10, TimeUnit.SECONDS),
        messages, closed);
  }

  /** Sends {@code connection_init}, with {@code Authorization: Bearer <token>} in its payload unless null. */
  GraphQLSocket init(String token) throws Exception {
    var init = Json.createObjectBuilder().add("type", "connection_init");
    if (token != null) {
      init.add("payload", Json.createObjectBuilder().add("Authorization", "Bearer " + token));
    }
    send(init.build().toString());
    return this;
  }

  void send(String text) throws Exception {
    socket.sendText(text, true).get(5, TimeUnit.SECONDS);
  }

  void subscribe(String id, String query) throws Exception {
    send(Json.createObjectBuilder().add("id", id).add("type", "subscribe")
        .add("payload", Json.createObjectBuilder().add("query", query)).build().toString());
  }

  JsonObject next() throws InterruptedException {
    JsonObject message = messages.poll(30, TimeUnit.SECONDS);
    assertThat(message).as("a message within 30 s").isNotNull();
    return message;
  }

  JsonObject expect(String type) throws InterruptedException {
    JsonObject message = next();
    assertThat(message.getString("type")).as(message.toString()).isEqualTo(type);
    return message;
  }

  /** The close code the server sent within {@code seconds}, or null. */
  Integer closedWith(int seconds) throws InterruptedException {
    return closed.poll(seconds, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    if (!socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }
  }

  /** Collects whole text messages as JSON, and the close code. */
  private static final class Collector implements WebSocket.Listener {
    private final BlockingQueue<JsonObject> messages;
    private final BlockingQueue<Integer> closed;
    private final StringBuilder partial = new StringBuilder();

    Collector(BlockingQueue<JsonObject> messages, BlockingQueue<Integer> closed) {
      this.messages = messages;
      this.closed = closed;
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try (JsonReader reader = Json.createReader(new StringReader(partial.toString()))) {
          messages.add(reader.readObject());
        }
        partial.setLength(0);
      }
      socket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
      closed.add(statusCode);
      return null;
    }
  }
}
