package io.esledger.analytics.consistency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsistencyTokenTest {

  @Test
  void a_token_keeps_its_instant_to_the_nanosecond() {
    Instant written = Instant.parse("2026-11-26T10:15:30.123456789Z");

    assertThat(ConsistencyToken.decode(new ConsistencyToken(written).encode()).writtenBefore()).isEqualTo(written);
  }

  @Test
  void several_tokens_combine_to_the_latest() {
    String early = new ConsistencyToken(Instant.parse("2026-11-26T10:00:00Z")).encode();
    String late = new ConsistencyToken(Instant.parse("2026-11-26T11:00:00Z")).encode();

    assertThat(ConsistencyToken.latest(List.of(late, early))).get()
        .extracting(ConsistencyToken::writtenBefore).isEqualTo(Instant.parse("2026-11-26T11:00:00Z"));
    assertThat(ConsistencyToken.latest(List.of())).isEmpty();
  }

  @Test
  void anything_else_is_refused() {
    for (String forged : new String[] {"forged", "", "YzE6", "YzE6MTIz", "x".repeat(100)}) {
      assertThatThrownBy(() -> ConsistencyToken.decode(forged)).as(forged).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
