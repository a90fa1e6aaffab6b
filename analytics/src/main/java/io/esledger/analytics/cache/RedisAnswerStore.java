package io.esledger.analytics.cache;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;

/**
 * The second cache level, shared by every instance: answers as JSON in Redis with the same TTL.
 * Best effort by design: when Redis fails, a warning is logged once, Redis is left alone for
 * {@link #BACK_OFF}, and callers carry on with the first level only.
 */
public final class RedisAnswerStore implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(RedisAnswerStore.class.getName());
  static final Duration BACK_OFF = Duration.ofSeconds(30);
  private static final String PREFIX = "ledger:answer:";

  private final JedisPooled redis;
  private final Clock clock;
  private final Jsonb json = JsonbBuilder.create();
  private volatile Instant downUntil = Instant.EPOCH;

  /**
   * {@code redis://[user:password@]host[:port]}, or {@code rediss://...} for TLS (verified against the
   * JVM's trust store, or the one in {@code javax.net.ssl.trustStore}); a password alone is
   * {@code redis://:password@host}. The user info is never logged.
   */
  public RedisAnswerStore(URI url, Duration timeout, Clock clock) {
    this.clock = clock;
    int millis = (int) timeout.toMillis();
    DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
        .connectionTimeoutMillis(millis).socketTimeoutMillis(millis).ssl("rediss".equalsIgnoreCase(url.getScheme()));
    String userInfo = url.getRawUserInfo();
    if (userInfo != null && !userInfo.isEmpty()) {
      int colon = userInfo.indexOf(':');
      String user = colon < 0 ? null : decode(userInfo.substring(0, colon));
      String password = decode(colon < 0 ? userInfo : userInfo.substring(colon + 1));
      config.user(user == null || user.isEmpty() ? null : user).password(password);
    }
    this.redis = new JedisPooled(new HostAndPort(url.getHost(), url.getPort() < 0 ? 6379 : url.getPort()),
        config.build());
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  /** The stored answer and when its query was sent; empty when absent, unreadable or Redis is down. */
  public <T> Optional<Stored<T>> get(String key, Class<T> type) {
    if (down()) {
      return Optional.empty();
    }
    try {
      String raw = redis.get(PREFIX + key);
      if (raw == null) {
        return Optional.empty();
      }
      int bar = raw.indexOf('|');
      Instant sentAt = Instant.parse(raw.substring(0, bar));
      return Optional.of(new Stored<>(json.fromJson(raw.substring(bar + 1), type), sentAt));
    } catch (RuntimeException e) { // JedisException, or an answer that no longer reads
      failed(e);
      return Optional.empty();
    }
  }

  public void put(String key, Object value, Instant sentAt, Duration ttl) {
    if (down()) {
      return;
    }
    try {
      redis.setex(PREFIX + key, ttl.toSeconds(), sentAt + "|" + json.toJson(value));
    } catch (RuntimeException e) { // JedisException, or an answer that no longer reads
      failed(e);
    }
  }

  public boolean available() {
    return !down();
  }

  @Override
  public void close() {
    redis.close();
  }

  private boolean down() {
    return clock.instant().isBefore(downUntil);
  }

  private void failed(Exception e) {
    if (!down()) {
      LOG.log(Level.WARNING, "Redis cache unavailable (" + e.getMessage() + "); using the in-process cache only for "
          + BACK_OFF.toSeconds() + " s");
    }
    downUntil = clock.instant().plus(BACK_OFF);
  }

  /** An answer as stored, with when its query was sent. */
  public record Stored<T>(T value, Instant sentAt) {}
}
