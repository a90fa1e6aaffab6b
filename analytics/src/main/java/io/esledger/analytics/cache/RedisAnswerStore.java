package io.esledger.analytics.cache;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;

/**
 * Redis as the second cache level: plain calls that throw when Redis fails. What to do about
 * failures (time limits, a circuit breaker, a cap on concurrent calls) is decided by the caller —
 * in the server, {@link GuardedRedis}.
 */
public final class RedisAnswerStore implements SecondLevel, AutoCloseable {

  private static final String PREFIX = "ledger:answer:";

  private final JedisPooled redis;

  /**
   * {@code redis://[user:password@]host[:port]}, or {@code rediss://...} for TLS (verified against the
   * JVM's trust store, or the one in {@code javax.net.ssl.trustStore}); a password alone is
   * {@code redis://:password@host}. {@code timeout} bounds connecting, each answer and the wait for a
   * pooled connection. The user info is never logged.
   */
  public RedisAnswerStore(URI url, Duration timeout, int connections) {
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
    ConnectionPoolConfig pool = new ConnectionPoolConfig();
    pool.setMaxTotal(connections);
    pool.setMaxIdle(connections);
    pool.setMaxWait(timeout); // never queue without bound behind a slow Redis
    this.redis = new JedisPooled(new HostAndPort(url.getHost(), url.getPort() < 0 ? 6379 : url.getPort()),
        config.build(), pool);
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  @Override
  public Optional<String> get(String key) {
    return Optional.ofNullable(redis.get(PREFIX + key));
  }

  @Override
  public void put(String key, String text, Duration ttl) {
    redis.setex(PREFIX + key, Math.max(1, ttl.toSeconds()), text);
  }

  @Override
  public void close() {
    redis.close();
  }
}
