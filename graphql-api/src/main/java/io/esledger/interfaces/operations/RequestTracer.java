package io.esledger.interfaces.operations;

/**
 * Traces what a GraphQL request's root fields do, without naming a tracing library: {@link #NONE}
 * unless OpenTelemetry is enabled on the server ({@link Tracing}).
 */
public interface RequestTracer {

  RequestTracer NONE = operation -> outcome -> {};

  /** Starts a span for one root field ({@code processPayment}) on this thread; its work nests under it. */
  Span start(String operation);

  /** A started span. */
  @FunctionalInterface
  interface Span {
    /** Records the outcome ({@code OK} or the error's {@code extensions.code}) and ends it. */
    void end(String outcome);
  }
}
