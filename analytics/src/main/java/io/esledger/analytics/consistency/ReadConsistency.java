package io.esledger.analytics.consistency;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.esledger.analytics.projection.Projections;
import io.esledger.infrastructure.eventstore.elasticsearch.EventIndex;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Hands out consistency tokens and honours them. Without a token a query runs at once against
 * whatever is searchable (at most the refresh interval behind, 1 s by default).
 */
@ApplicationScoped
public class ReadConsistency {

  @Inject ElasticsearchClient client;
  @Inject EventIndex events;
  @Inject Projections projections;
  @Inject Clock clock;

  /** The longest a query waits for the read model to take in the writes it asked for. */
  static final Duration MAX_WAIT = Duration.ofSeconds(10);

  private IndexVisibility eventVisibility;
  private IndexVisibility paymentVisibility;

  @PostConstruct
  void start() {
    eventVisibility = new IndexVisibility(client, events.name(), clock);
    paymentVisibility = new IndexVisibility(client, projections.paymentsIndex(), clock);
  }

  /** A token covering every write this process acknowledged so far. */
  public String tokenNow() {
    return new ConsistencyToken(clock.instant()).encode();
  }

  /**
   * Makes the event index reflect the writes behind the tokens; returns the instant after which
   * searches see them ({@link Instant#EPOCH} when no token was given).
   */
  public Instant events(List<String> tokens) {
    Optional<ConsistencyToken> token = ConsistencyToken.latest(tokens);
    return token.map(t -> eventVisibility.awaitVisible(t.writtenBefore())).orElse(Instant.EPOCH);
  }

  /** As {@link #events}, for the payments read model: waits for the projection, then for search. */
  public Instant payments(List<String> tokens) throws ReadModelBehindException, InterruptedException {
    Optional<ConsistencyToken> token = ConsistencyToken.latest(tokens);
    if (token.isEmpty()) {
      return Instant.EPOCH;
    }
    if (!projections.awaitPaymentsApplied(token.get().writtenBefore(), MAX_WAIT)) {
      throw new ReadModelBehindException("the payments read model did not catch up within " + MAX_WAIT.toSeconds()
          + " s (backlog " + projections.paymentsBacklog() + "); retry");
    }
    return paymentVisibility.awaitVisible(token.get().writtenBefore());
  }

  public long refreshesCaused() {
    return eventVisibility.refreshes() + paymentVisibility.refreshes();
  }

  /** A read model could not reflect the requested writes in the allowed time. */
  public static class ReadModelBehindException extends Exception {
    public ReadModelBehindException(String message) {
      super(message);
    }
  }
}
