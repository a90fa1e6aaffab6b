package io.esledger.infrastructure.elasticsearch;

import co.elastic.clients.transport.Endpoint;
import co.elastic.clients.transport.TransportOptions;
import co.elastic.clients.transport.http.TransportHttpClient;
import co.elastic.clients.transport.instrumentation.Instrumentation;

/**
 * Every call the Java client makes, told to a listener when it ends: the API's name (the client's
 * endpoint id, such as {@code bulk} or {@code search}), how long it took, and how it ended. Plugged
 * into the client's own instrumentation hook, so nothing else wraps the transport.
 */
public final class ElasticsearchCalls implements Instrumentation {

  /** How a call ended. */
  public enum Outcome {
    /** answered below 400 */
    OK,
    /** answered 4xx (a conflict, a missing index: often expected by the caller) */
    CLIENT_ERROR,
    /** answered 5xx or 429 */
    SERVER_ERROR,
    /** no answer: refused, timed out, connection lost */
    NO_ANSWER;

    public String tag() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Told about each call on the thread that made it: counts only. */
  @FunctionalInterface
  public interface Listener {
    void call(String api, long nanos, Outcome outcome);
  }

  private static final ThreadScope NO_SCOPE = () -> {};
  private volatile Listener listener = (api, nanos, outcome) -> {};

  public void listen(Listener listener) {
    this.listener = listener;
  }

  @Override
  public <TRequest> Context newContext(TRequest request, Endpoint<TRequest, ?, ?> endpoint) {
    String id = endpoint.id();
    return new Call(id.startsWith("es/") ? id.substring(3) : id); // "es/bulk" → "bulk"
  }

  private final class Call implements Context {
    private final String api;
    private final long started = System.nanoTime();
    private int status = -1;

    Call(String api) {
      this.api = api;
    }

    @Override
    public ThreadScope makeCurrent() {
      return NO_SCOPE;
    }

    @Override
    public void beforeSendingHttpRequest(TransportHttpClient.Request request, TransportOptions options) {}

    @Override
    public void afterReceivingHttpResponse(TransportHttpClient.Response response) {
      status = response.statusCode();
    }

    @Override
    public <TResponse> void afterDecodingApiResponse(TResponse response) {}

    @Override
    public void recordException(Throwable failure) {}

    @Override
    public void close() {
      Outcome outcome;
      if (status < 0) {
        outcome = Outcome.NO_ANSWER;
      } else if (status >= 500 || status == 429) {
        outcome = Outcome.SERVER_ERROR;
      } else {
        outcome = status >= 400 ? Outcome.CLIENT_ERROR : Outcome.OK;
      }
      listener.call(api, System.nanoTime() - started, outcome);
    }
  }
}
