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
}
