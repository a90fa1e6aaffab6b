package io.esledger.analytics.consistency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.esledger.application.eventstore.LogPosition;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsistencyTokenTest {

  private static final TokenKey KEY = TokenKey.of("a-key-of-this-ledger-0123456789");

  @Test
  void a_token_keeps_its_log_position() {
    LogPosition written = LogPosition.of(41, -1, 7);

    assertThat(ConsistencyToken.decode(new ConsistencyToken(written).encode(KEY), KEY).position()).isEqualTo(written);
  }

  @Test
  void several_tokens_combine_to_the_position_covering_all_of_them() {
    String one = new ConsistencyToken(LogPosition.of(10, 2)).encode(KEY);
    String other = new ConsistencyToken(LogPosition.of(3, 9)).encode(KEY);

    assertThat(ConsistencyToken.covering(List.of(one, other), KEY)).contains(LogPosition.of(10, 9));
    assertThat(ConsistencyToken.covering(List.of(), KEY)).isEmpty();
  }

  @Test
  void anything_else_is_refused() {
    String oldClockToken = b64("c1:1764151200.0");
    String genuine = new String(Base64.getUrlDecoder().decode(new ConsistencyToken(LogPosition.of(5)).encode(KEY)),
        StandardCharsets.US_ASCII);
    String signature = genuine.substring(genuine.lastIndexOf('.'));
    String otherKeys = new ConsistencyToken(LogPosition.of(5)).encode(TokenKey.of("another-ledger-key-0123456789"));
    for (String forged : new String[] {"forged", "", "YzE6", "YzE6MTIz", "x".repeat(1100), oldClockToken,
        b64("c2:L5"), b64("c3:L5"), b64("c3:L999999" + signature), b64("c3:L" + signature), otherKeys,
        b64("c3:L1.x.abc"), b64("c3:L-5.abc"), b64("c3:L99999999999999999999.abc")}) {
      assertThatThrownBy(() -> ConsistencyToken.decode(forged, KEY)).as(forged)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  private static String b64(String raw) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
  }
}
