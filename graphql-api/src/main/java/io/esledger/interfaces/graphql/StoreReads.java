package io.esledger.interfaces.graphql;

import io.esledger.application.eventstore.EventStoreOutageException;
import io.esledger.interfaces.graphql.errors.Errors;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

/**
 * Reads of streams, the read model and the log (payment and invoice histories and state, events by
 * id, the payments read model, log pages) pass one circuit breaker (MicroProfile Fault Tolerance)
 * that counts outages only — Elasticsearch unreachable or not answering in time: when 3 of the last 6
 * reads met one, reads are refused at once with {@code STORE_UNAVAILABLE} for 5 s, then one tries
 * again. The analytics queries have breakers of their own ({@code EventAnalytics}); writes have none
 * (their outcome must be exact). Configurable, e.g.
 * {@code io.esledger.interfaces.graphql.StoreReads/read/CircuitBreaker/delay=10}.
 */
@ApplicationScoped
public class StoreReads {

  @CircuitBreaker(failOn = EventStoreOutageException.class, requestVolumeThreshold = 6, failureRatio = 0.5,
      delay = 5, delayUnit = ChronoUnit.SECONDS, successThreshold = 1)
  public <T> T read(Errors.Resolver<T> read) throws Exception {
    return read.resolve();
  }
}
