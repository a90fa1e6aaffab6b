package io.esledger.interfaces.operations;

import co.elastic.clients.transport.Endpoint;
import co.elastic.clients.transport.instrumentation.Instrumentation;
import co.elastic.clients.transport.instrumentation.OpenTelemetryForElasticsearch;
import io.esledger.infrastructure.elasticsearch.CallerContext;
import io.esledger.infrastructure.elasticsearch.ElasticsearchCalls;
import io.esledger.infrastructure.eventstore.elasticsearch.ElasticsearchEventStore;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.inject.spi.CDI;

/**
 * The OpenTelemetry side of {@link Tracing}, loaded only when the server makes the OpenTelemetry API
 * visible to the application (the mpTelemetry feature and third-party API visibility). Under the
 * server's HTTP span it adds one span per GraphQL root field ({@code graphql <operation>}), makes the
 * Elasticsearch client record a span per call (the client's own OpenTelemetry instrumentation), and
 * lets an append carry the request's context to the group commit thread that sends it, so its bulk
 * request belongs to the same trace.
 */
final class OpenTelemetryTracing implements RequestTracer {

  private final Tracer tracer;

  OpenTelemetryTracing(ElasticsearchEventStore store, ElasticsearchCalls calls) {
    OpenTelemetry openTelemetry = CDI.current().select(OpenTelemetry.class).get();
    this.tracer = openTelemetry.getTracer("io.esledger.ledger");
    OpenTelemetryForElasticsearch perCall = new OpenTelemetryForElasticsearch(openTelemetry, false);
    // only calls made for a traced request: the background polling of the log and the health sampler
    // would otherwise start a trace of their own every few hundred milliseconds
    calls.alsoInstrument(new Instrumentation() {
      @Override
      public <TRequest> Context newContext(TRequest request, Endpoint<TRequest, ?, ?> endpoint) {
        return io.opentelemetry.api.trace.Span.current().getSpanContext().isValid()
            ? perCall.newContext(request, endpoint) : null;
      }
    });
    store.carryCallerContext(new CallerContext() {
      @Override
      public Object capture() {
        return Context.current();
      }

      @Override
      public Restored restore(Object captured) {
        Scope scope = captured instanceof Context context ? context.makeCurrent() : Scope.noop();
        return scope::close;
      }
    });
  }

  @Override
  public RequestTracer.Span start(String operation) {
    var builder = tracer.spanBuilder("graphql " + operation).setSpanKind(SpanKind.INTERNAL)
        .setAttribute("graphql.operation.name", operation);
    String requestId = RequestIds.current();
    if (requestId != null) {
      builder.setAttribute("ledger.request_id", requestId);
    }
    io.opentelemetry.api.trace.Span span = builder.startSpan();
    Scope scope = span.makeCurrent();
    return outcome -> {
      span.setAttribute("ledger.outcome", outcome);
      if (!"OK".equals(outcome)) {
        span.setStatus(StatusCode.ERROR, outcome);
      }
      scope.close();
      span.end();
    };
  }
}
