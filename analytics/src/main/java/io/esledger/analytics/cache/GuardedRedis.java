package io.esledger.analytics.cache;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;

/**
 * Redis as the server's second cache level, guarded by MicroProfile Fault Tolerance so that a slow
 * or absent Redis never costs a query more than a short, bounded wait:
 * <ul>
 *   <li>a timeout per call (Jedis' own socket and pool timeouts of {@value #TIMEOUT_MILLIS} ms
 *       below it);
 *   <li>a bulkhead of {@value #CONNECTIONS} concurrent calls (the connection pool's size): a call
 *       beyond it is refused at once instead of queueing;
 *   <li>a circuit breaker: when half of the last 8 calls failed, Redis is left alone for 30 s
 *       (calls fail at once), then tried again.
 * </ul>
 * Every refusal reaches {@link AnswerCache} as an exception, which it takes as a miss. The limits can
 * be changed without a build through MicroProfile Config, e.g.
 * {@code io.esledger.analytics.cache.GuardedRedis/CircuitBreaker/delay=10000}.
 */
@ApplicationScoped
public class GuardedRedis implements SecondLevel {

  static final int CONNECTIONS = 16;
  static final int TIMEOUT_MILLIS = 500;
  private static final Logger LOG = Logger.getLogger(GuardedRedis.class.getName());

  @Inject
  @ConfigProperty(name = "ledger.redis.url")
  Optional<String> url;

  private RedisAnswerStore store;

  @PostConstruct
  void start() {
    url.filter(u -> !u.isBlank()).map(URI::create).ifPresentOrElse(redis -> {
      // never the user info: a Redis URL may carry a password
      LOG.info(() -> "Analytics cache: in-process and Redis at " + redis.getScheme() + "://" + redis.getHost() + ":"
          + redis.getPort());
      store = new RedisAnswerStore(redis, Duration.ofMillis(TIMEOUT_MILLIS), CONNECTIONS);
    }, () -> LOG.info("Analytics cache: in-process only (set ledger.redis.url for a shared second level)"));
  }

  @PreDestroy
  void stop() {
    if (store != null) {
      store.close();
    }
  }

  /** Whether a Redis is configured at all. */
  public boolean configured() {
    return store != null;
  }

  @Override
  @Timeout(value = 2 * TIMEOUT_MILLIS, unit = ChronoUnit.MILLIS)
  @Bulkhead(CONNECTIONS)
  @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
      successThreshold = 2, skipOn = BulkheadException.class)
  public Optional<String> get(String key) {
    return store.get(key);
  }

  @Override
  @Timeout(value = 2 * TIMEOUT_MILLIS, unit = ChronoUnit.MILLIS)
  @Bulkhead(CONNECTIONS)
  @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
      successThreshold = 2, skipOn = BulkheadException.class)
  public void put(String key, String text, Duration ttl) {
    store.put(key, text, ttl);
  }
}
