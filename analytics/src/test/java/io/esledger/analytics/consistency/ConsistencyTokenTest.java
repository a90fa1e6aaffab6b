package io.esledger.analytics.consistency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.esledger.application.eventstore.LogPosition;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsistencyTokenTest {

  @Test
  void a_token_keeps_its_log_position() {
    LogPosition written = LogPosition.of(41, -1, 7);

    assertThat(ConsistencyToken.decode(new ConsistencyToken(written).encode()).position()).isEqualTo(written);
  }

  @Test
  void several_tokens_combine_to_the_position_covering_all_of_them() {
    String one = new ConsistencyToken(LogPosition.of(10, 2)).encode();
    String other = new ConsistencyToken(LogPosition.of(3, 9)).encode();

    assertThat(ConsistencyToken.covering(List.of(one, other))).contains(LogPosition.of(10, 9));
    assertThat(ConsistencyToken.covering(List.of())).isEmpty();
  }

  @Test
  void anything_else_is_refused() {
    String oldClockToken = b64("c1:1764151200.0");
    for (String forged : new String[] {"forged", "", "YzE6", "YzE6MTIz", "x".repeat(600), oldClockToken,
        b64("c2:L"), b64("c2:L1.x"), b64("c2:L-5"), b64("c2:L99999999999999999999")}) {
      assertThatThrownBy(() -> ConsistencyToken.decode(forged)).as(forged).isInstanceOf(IllegalArgumentException.class);
    }
  }

  private static String b64(String raw) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
  }
}
