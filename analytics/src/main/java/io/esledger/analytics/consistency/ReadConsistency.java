package io.esledger.analytics.consistency;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.esledger.analytics.projection.Projections;
import io.esledger.analytics.search.QueryRefusedException;
import io.esledger.application.eventstore.EventStore;
import io.esledger.application.eventstore.LogPosition;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hands out consistency tokens and honours them. A token is a log position; a query given one
 * waits until what it reads has passed that position. Without a token a query runs at once against
 * whatever is searchable (at most the refresh interval behind, 1 s by default).
 */
@ApplicationScoped
public class ReadConsistency {

  @Inject ElasticsearchClient client;
  @Inject EventStore store;
  @Inject Projections projections;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "ledger.security.token-key")
  Optional<String> configuredKey;

  private static final Logger LOG = Logger.getLogger(ReadConsistency.class.getName());
  private TokenKey key;

  /**
   * The longest a query waits for what it reads to take in the writes it asked for
   * ({@code ledger.consistency.max-wait-ms}, 10 s); past it the query answers {@code CONSISTENCY_TIMEOUT}.
   */
  @Inject
  @ConfigProperty(name = "ledger.consistency.max-wait-ms", defaultValue = "10000")
  long maxWaitMillis;

  private Duration maxWait;
  private static final long RETRY_MILLIS = 5;

  private IndexVisibility paymentVisibility;
  private final java.util.concurrent.atomic.AtomicLong eventRefreshes = new java.util.concurrent.atomic.AtomicLong();
  /** The last log position known searchable (a refresh that began after it was durable has ended), and its log. */
  private volatile Searchable searchable;

  private record Searchable(String logId, LogPosition position) {}

  @PostConstruct
  void start() {
    maxWait = Duration.ofMillis(Math.max(1, maxWaitMillis));
    key = configuredKey.filter(k -> !k.isBlank()).map(TokenKey::of).orElseGet(() -> {
      LOG.warning("ledger.security.token-key is not set: consistency tokens are signed with a key of this instance "
          + "alone (no other instance, and not this one after a restart, honours them); set one key on every instance");
      return TokenKey.random();
    });
    paymentVisibility = new IndexVisibility(client, projections.paymentsIndex(), clock);
  }

  /** A token covering every write this process acknowledged (or read) so far. */
  public String tokenNow() {
    return new ConsistencyToken(store.logId(), store.acknowledgedThrough()).encode(key);
  }

  /**
   * Makes the event index reflect the writes behind the tokens; returns the position they need
   * (null when no token was given), to judge cached answers by.
   */
  public LogPosition events(List<String> tokens) {
    Optional<LogPosition> wanted = covering(tokens);
    if (wanted.isEmpty()) {
      return null;
    }
    long deadline = System.nanoTime() + maxWait.toNanos();
    while (true) {
      LogPosition known = searchable();
      if (known != null && known.covers(wanted.get())) {
        return wanted.get();
      }
      eventRefreshes.incrementAndGet();
      LogPosition head = store.head(); // a shared refresh that began after the head was durable
      String logId = store.logId();
      synchronized (this) {
        Searchable before = searchable;
        searchable = new Searchable(logId, before == null || !before.logId().equals(logId)
            || before.position().partitions() != head.partitions() ? head : before.position().max(head));
      }
      if (head.covers(wanted.get())) {
        return wanted.get();
      }
      // an acknowledged write above the global checkpoint: an earlier operation is still in flight
      if (System.nanoTime() - deadline > 0) {
        throw behind("the event log did not reach the requested writes");
      }
      try {
        Thread.sleep(RETRY_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ReadModelBehindException("interrupted while waiting for the event log");
      }
    }
  }

  /** The identity of the event log positions now belong to. */
  public String logId() {
    return store.logId();
  }

  /**
   * What a search of the event index sent from now on is sure to see: the last position this
   * instance knew searchable (null before it knew any). An answer computed next reflects at least it.
   */
  public LogPosition searchable() {
    Searchable known = searchable;
    return known != null && known.logId().equals(store.logId()) ? known.position() : null;
  }

  /** As {@link #events}, for the payments read model: waits for its checkpoint, then for its search. */
  public Instant payments(List<String> tokens) throws ReadModelBehindException, InterruptedException {
    Optional<LogPosition> wanted = covering(tokens);
    if (wanted.isEmpty()) {
      return Instant.EPOCH;
    }
    if (!projections.awaitPaymentsApplied(wanted.get(), maxWait)) {
      throw behind("the payments read model did not catch up");
    }
    // the rows are written (the checkpoint moved after them): a refresh that begins now shows them
    return paymentVisibility.awaitVisible(clock.instant());
  }

  /**
   * Waits until the invoice process manager has reacted to every payment event behind the tokens
   * (invoices themselves are read from their streams, which need no refresh).
   */
  public void invoicePayments(List<String> tokens) throws ReadModelBehindException, InterruptedException {
    Optional<LogPosition> wanted = covering(tokens);
    if (wanted.isPresent() && !projections.invoicePayments().awaitApplied(wanted.get(), maxWait)) {
      throw behind("the invoice payments process did not catch up");
    }
  }

  /**
   * A token not honoured in time: the caller gets {@code CONSISTENCY_TIMEOUT}; the log says so too,
   * since it means a projection is stalled or far behind (the line carries the request's id).
   */
  private ReadModelBehindException behind(String what) {
    String message = what + " within " + maxWait.toMillis() + " ms (ledger.consistency.max-wait-ms); retry";
    LOG.info(() -> "consistency token not honoured: " + message);
    return new ReadModelBehindException(message);
  }

  /** The position the tokens cover; a token this ledger did not sign is refused before anything waits. */
  private Optional<LogPosition> covering(List<String> tokens) {
    try {
      return ConsistencyToken.covering(tokens, key, store.logId());
    } catch (ConsistencyToken.FromAnotherLogException replaced) {
      throw new QueryRefusedException("consistentWith", replaced.getMessage());
    } catch (IllegalArgumentException forged) {
      throw new QueryRefusedException("consistentWith", "not a consistency token from a receipt of this ledger");
    }
  }

  public long refreshesCaused() {
    return eventRefreshes.get() + paymentVisibility.refreshes();
  }

  /** What a query reads could not reflect the requested writes in the allowed time. */
  public static class ReadModelBehindException extends RuntimeException {
    public ReadModelBehindException(String message) {
      super(message);
    }
  }
}
