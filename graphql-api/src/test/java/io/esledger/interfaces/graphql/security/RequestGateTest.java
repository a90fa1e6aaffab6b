package io.esledger.interfaces.graphql.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestGateTest {

  @Test
  void aContentTypeSentTwiceIsTheTypeItRepeats() {
    assertThat(RequestGate.mediaType("application/json, application/json")).isEqualTo("application/json");
    assertThat(RequestGate.executable("application/json, application/json")).isTrue();
    assertThat(RequestGate.executable("Application/JSON; charset=utf-8")).isTrue();
    assertThat(RequestGate.executable("application/graphql")).isTrue();
  }

  @Test
  void typesThatDifferOrAreMissingAreNotExecuted() {
    assertThat(RequestGate.executable("application/json, text/plain")).isFalse();
    assertThat(RequestGate.executable("text/plain, application/json")).isFalse();
    assertThat(RequestGate.executable("text/plain")).isFalse();
    assertThat(RequestGate.executable(",")).isFalse();
    assertThat(RequestGate.executable("")).isFalse();
    assertThat(RequestGate.executable(null)).isFalse();
  }

  @Test
  void variablesNestedThousandsDeepAreARefusedRequestNotAServerError() {
    String deep = "[".repeat(100) + "]".repeat(100); // the JSON parser takes it; the gate does not
    byte[] body = ("{\"query\":\"{ payments { total } }\",\"variables\":{\"x\":" + deep + "}}")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(GraphQLRequestShape.check(body).problem()).contains("deeper");

    String deeper = "[".repeat(1000) + "]".repeat(1000); // the JSON parser's own limit: refused as well
    byte[] worse = ("{\"query\":\"{ payments { total } }\",\"variables\":{\"x\":" + deeper + "}}")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(GraphQLRequestShape.check(worse).problem()).isNotNull();

    byte[] fine = "{\"query\":\"{ payments { total } }\",\"variables\":{\"f\":{\"a\":[1,[2]]}}}"
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(GraphQLRequestShape.check(fine).problem()).isNull();
  }
}
