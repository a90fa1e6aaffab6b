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
  private volatile Instrumentation also;

  public void listen(Listener listener) {
    this.listener = listener;
  }

  /**
   * Lets another instrumentation see every call too (tracing: the client's OpenTelemetry
   * instrumentation makes a span per call); null for none. A call it returns no context for is
   * only counted.
   */
  public void alsoInstrument(Instrumentation other) {
    this.also = other;
  }

  @Override
  public <TRequest> Context newContext(TRequest request, Endpoint<TRequest, ?, ?> endpoint) {
    String id = endpoint.id();
    Call call = new Call(id.startsWith("es/") ? id.substring(3) : id); // "es/bulk" → "bulk"
    Instrumentation other = also;
    Context second = other == null ? null : other.newContext(request, endpoint);
    return second == null ? call : new Both(call, second);
  }

  /** Our call counting and another instrumentation's context, told the same things. */
  private record Both(Context first, Context second) implements Context {

    @Override
    public ThreadScope makeCurrent() {
      ThreadScope inner = second.makeCurrent();
      ThreadScope outer = first.makeCurrent();
      return () -> {
        outer.close();
        inner.close();
      };
    }

    @Override
    public void beforeSendingHttpRequest(TransportHttpClient.Request request, TransportOptions options) {
      first.beforeSendingHttpRequest(request, options);
      second.beforeSendingHttpRequest(request, options);
    }

    @Override
    public void afterReceivingHttpResponse(TransportHttpClient.Response response) {
      first.afterReceivingHttpResponse(response);
      second.afterReceivingHttpResponse(response);
    }

    @Override
    public <TResponse> void afterDecodingApiResponse(TResponse response) {
      first.afterDecodingApiResponse(response);
      second.afterDecodingApiResponse(response);
    }

    @Override
    public void recordException(Throwable failure) {
      first.recordException(failure);
      second.recordException(failure);
    }

    @Override
    public void close() {
      first.close();
      second.close();
    }
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
