package io.esledger.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every GraphQL block of the README, run against the real server as a reader runs it: each block is
 * one document (as pasted into GraphiQL), its operations run one after the other by name, in a
 * fresh organization with the development token's roles. A placeholder such as
 * {@code "<the capture's consistencyToken>"} gets the last consistency token an operation
 * answered, as a reader would paste it. Every operation must answer without errors; subscriptions
 * must deliver their first event. The README cannot drift from what the server does.
 */
@ExtendWith(ArquillianExtension.class)
class ReadmeExamplesIT {

  private static final Pattern BLOCK = Pattern.compile("(?s)```graphql\\n(.*?)```");
  private static final Pattern OPERATION = Pattern.compile("(?m)^(query|mutation|subscription)\\b\\s*(\\w+)?");
  private static final Pattern PLACEHOLDER = Pattern.compile("\"<[^\">]*consistencyToken[^\">]*>\"");
  private static final Pattern TOKEN = Pattern.compile("\"consistencyToken\":\"([^\"]+)\"");

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return LedgerDeployment.ear();
  }

  static List<String> blocks(Path markdown) throws Exception {
    List<String> blocks = new ArrayList<>();
    Matcher m = BLOCK.matcher(Files.readString(markdown));
    while (m.find()) {
      blocks.add(m.group(1));
    }
    return blocks;
  }

  @Test
  void every_graphql_block_of_the_readme_runs_as_written() throws Exception {
    Path readme = Path.of("..", "README.md");
    List<String> blocks = blocks(readme);
    assertThat(blocks).as("GraphQL blocks in the README").hasSizeGreaterThanOrEqualTo(5);
    // the development token's roles, in an organization of this run's own (the examples' ids are fixed)
    GraphQL reader = GraphQL.onTestServer().as("readme-" + UUID.randomUUID().toString().substring(0, 8), "user-1",
        GraphQL.READ, GraphQL.WRITE);
    String lastToken = null;
    int operations = 0;
    for (String block : blocks) {
      List<String[]> ops = new ArrayList<>();
      Matcher m = OPERATION.matcher(block);
      while (m.find()) {
        ops.add(new String[] {m.group(1), m.group(2)});
      }
      assertThat(ops).as("operations in\n" + block).isNotEmpty();
      if (ops.size() > 1) {
        assertThat(ops).as("a block with several operations names each (GraphiQL runs one by its name):\n" + block)
            .allMatch(op -> op[1] != null);
      }
      for (String[] op : ops) {
        String document = lastToken == null ? block : PLACEHOLDER.matcher(block).replaceAll("\"" + lastToken + "\"");
        if (op[0].equals("subscription")) {
          firstEvent(reader, document, op[1]);
        } else {
          var body = Json.createObjectBuilder().add("query", document);
          if (op[1] != null) {
            body.add("operationName", op[1]);
          }
          JsonObject answer = reader.send(body.build().toString());
          assertThat(GraphQL.errors(answer)).as(op[0] + " " + op[1] + " of\n" + block + "\nanswered " + answer).isEmpty();
          assertThat(answer.get("data")).isNotEqualTo(JsonValue.NULL);
          Matcher token = TOKEN.matcher(answer.toString());
          while (token.find()) {
            lastToken = token.group(1);
          }
        }
        operations++;
      }
    }
    assertThat(operations).as("operations run").isGreaterThanOrEqualTo(15);
  }

  private static void firstEvent(GraphQL reader, String document, String name) throws Exception {
    try (GraphQLSocket socket = GraphQLSocket.withHeader(reader)) {
      var payload = Json.createObjectBuilder().add("query", document);
      if (name != null) {
        payload.add("operationName", name);
      }
      socket.send(Json.createObjectBuilder().add("id", "1").add("type", "subscribe").add("payload", payload)
          .build().toString());
      JsonObject message = socket.next();
      assertThat(message.getString("type")).as("the subscription " + name + " answered " + message).isEqualTo("next");
      assertThat(message.getJsonObject("payload").containsKey("errors")).as(message.toString()).isFalse();
    }
  }
}
