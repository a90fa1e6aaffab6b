package io.esledger.analytics.consistency;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Optional;

/**
 * "Everything this process acknowledged before {@code writtenBefore}". Opaque to clients; several
 * tokens combine to the latest of them.
 */
public record ConsistencyToken(Instant writtenBefore) {

  private static final String VERSION = "c1:";
  private static final int MAX_LENGTH = 64;

  public String encode() {
    // full precision: a token rounded down could claim a write was visible one refresh too early
    String raw = VERSION + writtenBefore.getEpochSecond() + "." + writtenBefore.getNano();
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
  }

  /** @throws IllegalArgumentException for anything this class did not encode */
  public static ConsistencyToken decode(String token) {
    if (token == null || token.isBlank() || token.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("not a consistency token");
    }
    try {
      String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII);
      if (!raw.startsWith(VERSION)) {
        throw new IllegalArgumentException("not a consistency token");
      }
      String[] parts = raw.substring(VERSION.length()).split("\\.");
      if (parts.length != 2) {
        throw new IllegalArgumentException("not a consistency token");
      }
      return new ConsistencyToken(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a consistency token", e);
    }
  }

  /** The latest of several tokens; empty when none was given. */
  public static Optional<ConsistencyToken> latest(Collection<String> tokens) {
    if (tokens == null) {
      return Optional.empty();
    }
    return tokens.stream().map(ConsistencyToken::decode)
        .max((a, b) -> a.writtenBefore().compareTo(b.writtenBefore()));
  }
}
