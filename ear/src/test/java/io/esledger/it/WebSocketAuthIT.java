package io.esledger.it;

import static io.esledger.it.GraphQL.READ;
import static io.esledger.it.GraphQL.WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who may use the GraphQL WebSocket, on the real server: a token on the upgrade request, or (as a
 * browser sends it) in {@code connection_init}'s payload, verified by the platform as a header is;
 * nothing runs before that; the connection ends when its token expires; a message over the request
 * size limit ends it too.
 */
@ExtendWith(ArquillianExtension.class)
class WebSocketAuthIT {

  private final String org = "ws-" + UUID.randomUUID().toString().substring(0, 8);
  private final GraphQL caller = GraphQL.onTestServer().as(org);

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return LedgerDeployment.ear();
  }

  @Test
  void a_token_in_connection_init_is_accepted_and_scopes_the_subscription() throws Exception {
    String paymentId = "ws-init-" + UUID.randomUUID();
    JsonObject written = caller.post("mutation p($input: ProcessPaymentInput!) { processPayment(input: $input) { version } }",
        java.util.Map.of("input", java.util.Map.of("paymentId", paymentId, "amount", "3.00", "currency", "EUR")));
    assertThat(GraphQL.errors(written)).as(written.toString()).isEmpty();

    try (GraphQLSocket socket = GraphQLSocket.bare(caller)) {
      socket.init(caller.token());
      socket.expect("connection_ack");
      socket.subscribe("1", "subscription { events(filter: { aggregateTypes: [\"Payment\"] }) { "
          + "event { aggregateId metadata { organizationId } } } }");
      JsonObject first = socket.expect("next").getJsonObject("payload").getJsonObject("data")
          .getJsonObject("events").getJsonObject("event");
      assertThat(first.getString("aggregateId")).isEqualTo(paymentId);
      assertThat(first.getJsonObject("metadata").getString("organizationId")).isEqualTo(org);
    }
  }

  @Test
  void connection_init_without_a_valid_token_closes_with_4403_and_runs_nothing() throws Exception {
    try (GraphQLSocket none = GraphQLSocket.bare(caller)) {
      none.init(null);
      assertThat(none.closedWith(10)).isEqualTo(4403);
    }
    try (GraphQLSocket forged = GraphQLSocket.bare(caller)) {
      forged.init(caller.token().substring(0, caller.token().length() - 4) + "AAAA");
      assertThat(forged.closedWith(10)).isEqualTo(4403);
    }
    String expiredLongAgo = GraphQL.signer().token(org, "user-1", java.util.List.of(READ), Duration.ofSeconds(-600));
    try (GraphQLSocket expired = GraphQLSocket.bare(caller)) {
      expired.init(expiredLongAgo);
      assertThat(expired.closedWith(10)).isEqualTo(4403);
    }
  }

  @Test
  void a_subscribe_before_connection_init_closes_with_4401() throws Exception {
    try (GraphQLSocket socket = GraphQLSocket.bare(caller)) {
      socket.subscribe("1", "subscription { events { position } }");
      assertThat(socket.closedWith(10)).isEqualTo(4401);
    }
  }

  @Test
  void the_connection_closes_when_its_token_expires() throws Exception {
    String shortLived = GraphQL.signer().token(org, "user-1", java.util.List.of(READ, WRITE), Duration.ofSeconds(4));
    try (GraphQLSocket socket = GraphQLSocket.bare(new GraphQL(GraphQL.base(), shortLived))) {
      socket.init(shortLived);
      socket.expect("connection_ack");
      assertThat(socket.closedWith(20)).as("closed once the token expired").isEqualTo(4401);
    }
  }

  @Test
  void a_message_over_the_request_size_limit_closes_the_connection() throws Exception {
    try (GraphQLSocket socket = GraphQLSocket.withHeader(caller)) {
      String huge = "x".repeat(2 * 1024 * 1024);
      try {
        socket.subscribe("1", "subscription { events { position } } # " + huge);
      } catch (Exception closedWhileSending) {
        // the server may close before the whole message is written
      }
      Integer code = socket.closedWith(20);
      assertThat(code).as("closed as too big").isEqualTo(1009);
    }
  }

  @Test
  void one_organization_cannot_hold_every_subscription() throws Exception {
    java.util.List<GraphQLSocket> open = new java.util.ArrayList<>();
    try {
      for (int i = 0; i < 16; i++) {
        GraphQLSocket socket = GraphQLSocket.withHeader(caller);
        socket.subscribe("s", "subscription { events(filter: { aggregateTypes: [\"Nothing\"] }) { position } }");
        open.add(socket);
      }
      // the organization's 17th is refused with a code; another organization still subscribes
      try (GraphQLSocket seventeenth = GraphQLSocket.withHeader(caller)) {
        seventeenth.subscribe("s", "subscription { events { position } }");
        JsonObject refused = seventeenth.next();
        assertThat(refused.getString("type")).as(refused.toString()).isEqualTo("error");
        assertThat(refused.toString()).contains("TOO_MANY_SUBSCRIPTIONS");
      }
      GraphQL other = GraphQL.onTestServer().as("ws-other-" + UUID.randomUUID().toString().substring(0, 8));
      JsonObject written = other.post("mutation p($input: ProcessPaymentInput!) { processPayment(input: $input) { version } }",
          java.util.Map.of("input", java.util.Map.of("paymentId", "other-1", "amount", "1.00", "currency", "EUR")));
      assertThat(GraphQL.errors(written)).isEmpty();
      try (GraphQLSocket socket = GraphQLSocket.withHeader(other)) {
        socket.subscribe("s", "subscription { events { event { aggregateId } } }");
        assertThat(socket.expect("next").toString()).contains("other-1");
      }
    } finally {
      open.forEach(GraphQLSocket::close);
    }
  }
}
