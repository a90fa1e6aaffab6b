package io.esledger.interfaces.operations;

import io.esledger.infrastructure.elasticsearch.ElasticsearchCalls;
import io.esledger.infrastructure.eventstore.elasticsearch.ElasticsearchEventStore;
import io.esledger.interfaces.graphql.errors.Errors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Traces, when the operator turns OpenTelemetry on ({@code otel.sdk.disabled=false}, with an OTLP
 * endpoint: see docs/operations.md). Off by default, and then nothing of it runs. The OpenTelemetry
 * API is only touched through {@link OpenTelemetryTracing}, loaded by name, so the application also
 * deploys where that API is not visible to it.
 */
@ApplicationScoped
public class Tracing {

  private static final Logger LOG = Logger.getLogger(Tracing.class.getName());

  @Inject ElasticsearchEventStore store;
  @Inject ElasticsearchCalls calls;

  @Inject
  @ConfigProperty(name = "otel.sdk.disabled", defaultValue = "true")
  boolean disabled;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
    if (disabled) {
      LOG.info("traces are off (otel.sdk.disabled is not false)");
      return;
    }
    try {
      RequestTracer tracer = (RequestTracer) Class.forName("io.esledger.interfaces.operations.OpenTelemetryTracing")
          .getDeclaredConstructor(ElasticsearchEventStore.class, ElasticsearchCalls.class)
          .newInstance(store, calls);
      Errors.traceWith(tracer);
      LOG.info("traces are on: a span per GraphQL root field and per Elasticsearch call, exported by the server's "
          + "OpenTelemetry configuration");
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      LOG.warning(() -> "otel.sdk.disabled=false but the OpenTelemetry API is not available to the application "
          + "(the mpTelemetry feature and third-party API visibility for it are needed): no traces (" + e + ")");
    }
  }

  void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
    Errors.traceWith(RequestTracer.NONE);
  }
}
