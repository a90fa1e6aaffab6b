package io.esledger.infrastructure.elasticsearch;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.esledger.application.eventstore.EventStoreOutageException;
import io.esledger.application.eventstore.EventStoreUnavailableException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import org.elasticsearch.client.ResponseException;

/**
 * Sorts the client's two exception families, for every component that talks to Elasticsearch. A
 * conflicting single-document create surfaces as the low-level {@link ResponseException} (409),
 * other refusals as {@link ElasticsearchException}.
 */
public final class ElasticsearchFailures {

  private ElasticsearchFailures() {}

  public static int status(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ResponseException response) {
        return response.getResponse().getStatusLine().getStatusCode();
      }
      if (t instanceof ElasticsearchException refused) {
        return refused.status();
      }
    }
    return -1;
  }

  /**
   * Adds a mapping's new fields to an index: {@code put} sends it; a refusal (the index has a mapping
   * this version cannot extend, e.g. one made by dynamic mapping) is handed to {@code refused} with
   * its reason, and the index is used as it is. Elasticsearch answers such a refusal with 400, or with
   * 500 for some fields (an object's "enabled"), which the client raises as a transport failure: any
   * answer is a refusal; no answer (an outage) is thrown.
   */
  public static void extendMapping(MappingPut put, java.util.function.Consumer<String> refused) throws IOException {
    try {
      put.run();
    } catch (IOException | ElasticsearchException e) {
      if (status(e) < 0) {
        throw e;
      }
      refused.accept(e instanceof ElasticsearchException es ? es.error().reason() : e.getMessage());
    }
  }

  /** A put-mapping request. */
  @FunctionalInterface
  public interface MappingPut {
    void run() throws IOException;
  }

  public static boolean isConflict(Throwable failure) {
    return status(failure) == 409;
  }

  /**
   * Unreachable, too slow or refusing, said as such, with what was being done. No answer at all is an
   * {@link EventStoreOutageException}; an answer that refuses is not.
   */
  public static EventStoreUnavailableException unavailable(String action, Exception failure) {
    String description = describe(action, failure);
    return status(failure) < 0 // no HTTP status anywhere in the chain: no answer came
        ? new EventStoreOutageException(description, failure)
        : new EventStoreUnavailableException(description, failure);
  }

  private static String describe(String action, Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ConnectException) {
        return "Elasticsearch is unreachable (" + action + "): " + t.getMessage();
      }
      if (t instanceof SocketTimeoutException) {
        return "Elasticsearch did not answer in time (" + action + ")";
      }
    }
    if (failure instanceof ElasticsearchException refused && refused.error() != null) {
      return "Elasticsearch refused to " + action + " (HTTP " + refused.status() + ", " + refused.error().type()
          + ": " + refused.error().reason() + ")";
    }
    int status = status(failure);
    if (status > 0) {
      return "Elasticsearch refused to " + action + " (HTTP " + status + ")";
    }
    return "Elasticsearch failed to " + action + ": " + failure.getMessage();
  }
}
