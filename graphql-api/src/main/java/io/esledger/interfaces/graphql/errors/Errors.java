package io.esledger.interfaces.graphql.errors;

import io.esledger.analytics.consistency.ReadConsistency;
import io.esledger.analytics.projection.Projections;
import io.esledger.analytics.search.QueryRefusedException;
import io.esledger.application.eventstore.EventStoreUnavailableException;
import io.esledger.application.eventstore.OutcomeUnknownException;
import io.esledger.application.eventstore.WrongExpectedVersionException;
import io.esledger.domain.model.invoice.InvoiceRejectedException;
import io.esledger.domain.model.payment.AmountExceedsAuthorizedException;
import io.esledger.domain.model.payment.AmountExceedsCapturedException;
import io.esledger.domain.model.payment.AmountNotPositiveException;
import io.esledger.domain.model.payment.InvalidTransitionException;
import io.esledger.domain.model.payment.PaymentNotFoundException;
import io.esledger.domain.shared.InvalidValueException;
import io.esledger.interfaces.operations.RequestTracer;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * The one place where failures of the layers below become API errors. Refusals keep their
 * message; infrastructure failures are logged with context and shown without internals.
 */
public final class Errors {

  private static final Logger LOG = Logger.getLogger(Errors.class.getName());

  /** A resolver body that may fail with anything the layers below throw. */
  @FunctionalInterface
  public interface Resolver<T> {
    T resolve() throws Exception;
  }

  private Errors() {}

  private static volatile RequestTracer tracer = RequestTracer.NONE;

  /** Where resolvers' spans go: {@link RequestTracer#NONE} unless traces are on. */
  public static void traceWith(RequestTracer requestTracer) {
    tracer = requestTracer == null ? RequestTracer.NONE : requestTracer;
  }

  /**
   * Runs a resolver: its failures become API errors, and when traces are on it is a span named after
   * the operation, with the outcome code.
   */
  public static <T> T translated(String operation, Resolver<T> resolver) throws ApiException {
    RequestTracer.Span span = tracer.start(operation);
    try {
      RequestBudget.check(operation);
      T result = resolver.resolve();
      span.end("OK");
      return result;
    } catch (Exception e) {
      ApiException api = toApi(operation, e);
      span.end(api.code());
      throw api;
    }
  }

  private static String outage(String detail) {
    String text = String.valueOf(detail);
    if (text.startsWith("Elasticsearch is unreachable")) {
      return "Elasticsearch is unreachable";
    }
    if (text.contains("did not answer in time")) {
      return "Elasticsearch did not answer in time";
    }
    return "Elasticsearch refused the request";
  }

  /** The API error a failure stands for; outages and surprises are logged, refusals are not. */
  public static ApiException toApi(String operation, Exception failure) {
    if (failure instanceof ApiException api) {
      return api;
    } else if (failure instanceof QueryRefusedException e) {
      return new ValidationFailedException(e.field(), e.getMessage());
    } else if (failure instanceof io.esledger.application.eventstore.StreamNameTooLongException e) {
      return new ValidationFailedException("id", e.getMessage());
    } else if (failure instanceof InvalidValueException e) {
      return new ValidationFailedException(e.field(), e.getMessage());
    } else if (failure instanceof AmountNotPositiveException e) {
      return new ValidationFailedException("amount", e.getMessage());
    } else if (failure instanceof io.esledger.domain.model.payment.PaymentAlreadyProcessedException e) {
      return new PaymentAlreadyProcessedException(e.getMessage());
    } else if (failure instanceof InvalidTransitionException e) {
      return new RuleException(RuleException.INVALID_TRANSITION, e.getMessage());
    } else if (failure instanceof AmountExceedsAuthorizedException e) {
      return new RuleException(RuleException.AMOUNT_EXCEEDS_AUTHORIZED, e.getMessage());
    } else if (failure instanceof AmountExceedsCapturedException e) {
      return new RuleException(RuleException.AMOUNT_EXCEEDS_CAPTURED, e.getMessage());
    } else if (failure instanceof PaymentNotFoundException e) {
      return new NotFoundException(e.getMessage());
    } else if (failure instanceof InvoiceRejectedException e) {
      return switch (e.reason()) {
        case NOT_FOUND -> new NotFoundException(e.getMessage());
        case ALREADY_ISSUED -> new RuleException(RuleException.INVOICE_ALREADY_ISSUED, e.getMessage());
        case CURRENCY_MISMATCH -> new RuleException(RuleException.CURRENCY_MISMATCH, e.getMessage());
        case AMOUNT_NOT_POSITIVE -> new ValidationFailedException("amount", e.getMessage());
      };
    } else if (failure instanceof WrongExpectedVersionException e) {
      return new ConcurrencyConflictException(e.getMessage());
    } else if (failure instanceof ReadConsistency.ReadModelBehindException e) {
      return new ConsistencyTimeoutException(e.getMessage());
    } else if (failure instanceof io.esledger.application.CommandIdReusedException e) {
      return new CommandIdReusedApiException(e.getMessage());
    } else if (failure instanceof OutcomeUnknownException e) {
      LOG.log(Level.WARNING, operation + ": " + e.getMessage(), e.getCause());
      return new OutcomeUnknownApiException(e.getMessage());
    } else if (failure instanceof io.esledger.analytics.projection.PaymentsQuery.ReadModelRebuildingException e) {
      return new ReadModelRebuildingException(e.getMessage());
    } else if (failure instanceof Projections.ProjectionElsewhereException e) {
      return new ProjectionElsewhereException(e.getMessage());
    } else if (failure instanceof CircuitBreakerOpenException) {
      // recent reads of this kind met an outage: refused without trying, until the breaker's delay passed
      return new StoreUnavailableException("Elasticsearch is not answering; such reads are refused for a few "
          + "seconds before the next try");
    } else if (failure instanceof EventStoreUnavailableException e) {
      // the client learns what kind of outage it is; Elasticsearch's own text stays in the server log
      String reference = UUID.randomUUID().toString().substring(0, 8);
      LOG.log(Level.WARNING, operation + " (reference " + reference + "): " + e.getMessage(), e.getCause());
      return new StoreUnavailableException(outage(e.getMessage()) + " (reference " + reference + ")");
    }
    String reference = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, operation + " failed, reference " + reference, failure);
    return new InternalException("internal error (reference " + reference + ")");
  }
}
