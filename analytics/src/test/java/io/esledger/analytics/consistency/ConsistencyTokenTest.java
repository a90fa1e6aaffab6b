package io.esledger.analytics.consistency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.esledger.application.eventstore.LogPosition;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsistencyTokenTest {

  private static final String LOG = "hZ3vUq1CQnOyY2x0_-abcd";

  private static final TokenKey KEY = TokenKey.of("a-key-of-this-ledger-0123456789");

  @Test
  void a_token_keeps_its_log_position() {
    LogPosition written = LogPosition.of(41, -1, 7);

    assertThat(ConsistencyToken.decode(new ConsistencyToken(LOG, written).encode(KEY), KEY).position()).isEqualTo(written);
  }

  @Test
  void several_tokens_combine_to_the_position_covering_all_of_them() {
    String one = new ConsistencyToken(LOG, LogPosition.of(10, 2)).encode(KEY);
    String other = new ConsistencyToken(LOG, LogPosition.of(3, 9)).encode(KEY);

    assertThat(ConsistencyToken.covering(List.of(one, other), KEY, LOG)).contains(LogPosition.of(10, 9));
    assertThat(ConsistencyToken.covering(List.of(), KEY, LOG)).isEmpty();
  }

  @Test
  void a_token_of_a_log_since_replaced_is_refused_as_such() {
    String ofTheOldLog = new ConsistencyToken("the-old-index-uuid", LogPosition.of(40_000_000)).encode(KEY);

    assertThatThrownBy(() -> ConsistencyToken.covering(List.of(ofTheOldLog), KEY, LOG))
        .isInstanceOf(ConsistencyToken.FromAnotherLogException.class).hasMessageContaining("replaced");
  }

  @Test
  void anything_else_is_refused() {
    String oldClockToken = b64("c1:1764151200.0");
    String genuine = new String(Base64.getUrlDecoder().decode(new ConsistencyToken(LOG, LogPosition.of(5)).encode(KEY)),
        StandardCharsets.US_ASCII);
    String signature = genuine.substring(genuine.lastIndexOf('.'));
    String otherKeys = new ConsistencyToken(LOG, LogPosition.of(5)).encode(TokenKey.of("another-ledger-key-0123456789"));
    for (String forged : new String[] {"forged", "", "YzE6", "YzE6MTIz", "x".repeat(1100), oldClockToken,
        b64("c2:L5"), b64("c3:L5"), b64("c3:L999999" + signature), b64("c3:L" + signature), otherKeys,
        b64("c3:L1.x.abc"), b64("c3:L-5.abc"), b64("c3:L99999999999999999999.abc"), b64("c4:L5" + signature),
        b64("c4:" + LOG + ":L6" + signature)}) {
      assertThatThrownBy(() -> ConsistencyToken.decode(forged, KEY)).as(forged)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  private static String b64(String raw) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
  }
}
