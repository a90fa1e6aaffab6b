package io.esledger.analytics.search;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.esledger.application.eventstore.EventStoreUnavailableException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;

/**
 * A search that could not be answered: Elasticsearch unreachable, too slow, or refusing. Same idea
 * as the event store's failures; the message says what was asked and why it failed.
 */
final class SearchFailures {

  private SearchFailures() {}

  static EventStoreUnavailableException unavailable(String action, IOException failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ConnectException) {
        return new EventStoreUnavailableException(
            "Elasticsearch is unreachable (" + action + "): " + t.getMessage(), failure);
      }
      if (t instanceof SocketTimeoutException) {
        return new EventStoreUnavailableException("Elasticsearch did not answer in time (" + action + ")", failure);
      }
    }
    return new EventStoreUnavailableException("Elasticsearch failed to " + action + ": " + failure.getMessage(),
        failure);
  }

  static EventStoreUnavailableException refused(String action, ElasticsearchException refusal) {
    return new EventStoreUnavailableException("Elasticsearch refused to " + action + " (HTTP " + refusal.status()
        + ", " + refusal.error().type() + ": " + refusal.error().reason() + ")", refusal);
  }
}
