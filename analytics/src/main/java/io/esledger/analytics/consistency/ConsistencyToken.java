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
 * Opaque to clients and signed ({@link TokenKey}), so a client can neither forge one nor move one
 * ahead; several tokens combine to the position covering all of them. A token names the log its
 * position belongs to ({@code logId}): one from a log since replaced (the event index restored or
 * created again) is refused, never compared with positions it has nothing to do with.
 */
public record ConsistencyToken(String logId, LogPosition position) {

  private static final String VERSION = "c4:";
  /** Longer than any token this class makes (a position of a few dozen shards plus a signature). */
  public static final int MAX_LENGTH = 1024;

  /** {@code base64url("c4:" + logId + ":" + position + "." + HMAC(key, "c4:" + logId + ":" + position))}. */
  public String encode(TokenKey key) {
    String raw = VERSION + logId + ":" + position.encode();
    String signed = raw + "." + key.sign(raw);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(signed.getBytes(StandardCharsets.US_ASCII));
  }

  /** @throws IllegalArgumentException for anything not encoded by this class with this key */
  public static ConsistencyToken decode(String token, TokenKey key) {
    if (token == null || token.isBlank() || token.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("not a consistency token");
    }
    try {
      String signed = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII);
      int dot = signed.lastIndexOf('.');
      if (!signed.startsWith(VERSION) || dot < 0 || !key.verifies(signed.substring(0, dot), signed.substring(dot + 1))) {
        throw new IllegalArgumentException("not a consistency token of this ledger");
      }
      String body = signed.substring(VERSION.length(), dot);
      int colon = body.lastIndexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException("not a consistency token of this ledger");
      }
      return new ConsistencyToken(body.substring(0, colon), LogPosition.parse(body.substring(colon + 1)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a consistency token", e);
    }
  }

  /**
   * The position covering every token given; empty when none was given.
   *
   * @throws IllegalArgumentException for a token this ledger did not sign
   * @throws FromAnotherLogException for a token of a log other than {@code logId}
   */
  public static Optional<LogPosition> covering(Collection<String> tokens, TokenKey key, String logId) {
    if (tokens == null) {
      return Optional.empty();
    }
    return tokens.stream().map(t -> decode(t, key)).map(token -> {
      if (!token.logId().equals(logId)) {
        throw new FromAnotherLogException();
      }
      return token.position();
    }).reduce(LogPosition::max);
  }

  /** A token of a log that has been replaced since (restored from a snapshot, or created again). */
  public static final class FromAnotherLogException extends RuntimeException {
    FromAnotherLogException() {
      super("this consistency token belongs to an event log that has since been replaced (restored from a "
          + "snapshot or created again); the writes it stood for may not exist in this one");
    }
  }
}
