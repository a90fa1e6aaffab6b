package io.esledger.interfaces.graphql.errors;

import io.esledger.analytics.consistency.ReadConsistency;
import io.esledger.analytics.search.QueryRefusedException;
import io.esledger.application.eventstore.EventStoreUnavailableException;
import io.esledger.application.eventstore.WrongExpectedVersionException;
import io.esledger.domain.model.payment.AmountNotPositiveException;
import io.esledger.domain.shared.InvalidValueException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

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

  public static <T> T translated(String operation, Resolver<T> resolver) throws ApiException {
    try {
      return resolver.resolve();
    } catch (ApiException e) {
      throw e;
    } catch (QueryRefusedException e) {
      throw new ValidationFailedException(e.field(), e.getMessage());
    } catch (InvalidValueException e) {
      throw new ValidationFailedException(e.field(), e.getMessage());
    } catch (AmountNotPositiveException e) {
      throw new ValidationFailedException("amount", e.getMessage());
    } catch (io.esledger.domain.model.payment.PaymentAlreadyProcessedException e) {
      throw new PaymentAlreadyProcessedException(e.getMessage());
    } catch (WrongExpectedVersionException e) {
      throw new ConcurrencyConflictException(e.getMessage());
    } catch (ReadConsistency.ReadModelBehindException e) {
      throw new ConsistencyTimeoutException(e.getMessage());
    } catch (EventStoreUnavailableException e) {
      LOG.log(Level.WARNING, operation + ": " + e.getMessage(), e.getCause());
      throw new StoreUnavailableException(e.getMessage());
    } catch (Exception e) {
      String reference = UUID.randomUUID().toString();
      LOG.log(Level.SEVERE, operation + " failed, reference " + reference, e);
      throw new InternalException("internal error (reference " + reference + ")");
    }
  }
}
