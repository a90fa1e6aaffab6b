package io.esledger.interfaces.operations;

import io.esledger.interfaces.graphql.errors.InternalException;
import io.esledger.interfaces.graphql.security.RequestGate;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The outermost filter on {@code /graphql} (declared first in web.xml): gives each request its id
 * ({@link RequestIds}: response header, and on every log line the request writes) and, when
 * everything inside is done, records it in {@code ledger_graphql_requests_seconds} by operation and
 * outcome — the attributes the request gate and the error-code filter left on the request.
 */
public class RequestTelemetry extends HttpFilter {

  @Inject LedgerMetrics metrics;

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (RequestGate.isSchemaDocument(request)) {
      chain.doFilter(request, response);
      return;
    }
    long started = System.nanoTime();
    String id = RequestIds.accept(request.getHeader(RequestIds.HEADER));
    response.setHeader(RequestIds.HEADER, id);
    RequestIds.enter(id);
    boolean failed = false;
    try {
      chain.doFilter(request, response);
    } catch (IOException | ServletException | RuntimeException e) {
      failed = true;
      throw e;
    } finally {
      Object operation = request.getAttribute(RequestGate.OPERATION);
      Object outcome = request.getAttribute(RequestGate.OUTCOME);
      metrics.request(operation == null ? RootFields.OTHER : operation.toString(),
          failed ? InternalException.CODE : outcome == null ? "OK" : outcome.toString(), System.nanoTime() - started);
      RequestIds.leave();
    }
  }
}
