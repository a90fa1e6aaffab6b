package io.esledger.analytics.consistency;

import io.esledger.application.eventstore.LogPosition;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.Optional;

/**
 * "Everything at or before this position of the event log": a mutation's receipt carries one that
 * covers its own write. A reader honours it by passing that position (the searchable event index,
 * or a read model's checkpoint), which holds on any app instance and whatever other callers do.
 * Opaque to clients; several tokens combine to the position covering all of them.
 */
public record ConsistencyToken(LogPosition position) {

  private static final String VERSION = "c2:";
  private static final int MAX_LENGTH = 512;

  public String encode() {
    String raw = VERSION + position.encode();
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
      return new ConsistencyToken(LogPosition.parse(raw.substring(VERSION.length())));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a consistency token", e);
    }
  }

  /** The position covering every token given; empty when none was given. */
  public static Optional<LogPosition> covering(Collection<String> tokens) {
    if (tokens == null) {
      return Optional.empty();
    }
    return tokens.stream().map(t -> decode(t).position()).reduce(LogPosition::max);
  }
}
