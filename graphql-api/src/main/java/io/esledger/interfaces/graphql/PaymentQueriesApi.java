package io.esledger.interfaces.graphql;

import static io.esledger.interfaces.graphql.errors.Errors.translated;

import io.esledger.application.PaymentQueries;
import io.esledger.application.eventstore.RecordedEvent;
import io.esledger.domain.model.payment.PaymentId;
import io.esledger.interfaces.graphql.errors.ApiException;
import io.esledger.interfaces.graphql.security.Caller;
import io.esledger.interfaces.graphql.security.Callers;
import io.esledger.interfaces.graphql.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.esledger.interfaces.graphql.errors.ValidationFailedException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** Queries answered from the event streams themselves: always current (read-your-writes). */
@GraphQLApi
@ApplicationScoped
public class PaymentQueriesApi {

  @Inject
  PaymentQueries payments;

  @Inject
  Callers callers;

  @Inject
  StoreReads reads;

  @Query
  @Description("A payment's events, version ascending; sees every acknowledged write at once. asOfVersion and asOf "
      + "stop at that version or instant (inclusive)")
  public @NonNull List<@NonNull StoredEventView> paymentHistory(@NonNull @Id String paymentId, Integer asOfVersion,
      OffsetDateTime asOf) throws ApiException {
    Caller caller = callers.require(Role.PAYMENTS_READ);
    return translated("paymentHistory", () -> reads.read(() -> {
      List<RecordedEvent> history = until(asOfVersion, asOf,
          payments.history(caller.organizationId(), new PaymentId(paymentId)));
      return visible(caller, history) ? history.stream().map(StoredEventView::of).toList() : List.of();
    }));
  }

  @Query
  @Description("A payment's state replayed from its events; null when it has none. asOfVersion and asOf replay only "
      + "the events up to that version or instant (inclusive): the payment as it was then (null before it existed)")
  public PaymentView payment(@NonNull @Id String paymentId, Integer asOfVersion, OffsetDateTime asOf)
      throws ApiException {
    Caller caller = callers.require(Role.PAYMENTS_READ);
    return translated("payment", () -> reads.read(() -> {
      List<RecordedEvent> history = until(asOfVersion, asOf,
          payments.history(caller.organizationId(), new PaymentId(paymentId)));
      return visible(caller, history) ? payments.replay(new PaymentId(paymentId), history).map(PaymentView::of).orElse(null) : null;
    }));
  }

  /** The events at or before a version and an instant (each null: no bound). */
  private static List<RecordedEvent> until(Integer asOfVersion, OffsetDateTime asOf, List<RecordedEvent> history)
      throws ValidationFailedException {
    if (asOfVersion != null && asOfVersion < 0) {
      throw new ValidationFailedException("asOfVersion", "must be 0 or more");
    }
    if (asOfVersion == null && asOf == null) {
      return history;
    }
    Instant at = asOf == null ? null : asOf.toInstant();
    return history.stream()
        .filter(e -> asOfVersion == null || e.version() <= asOfVersion)
        .filter(e -> at == null || !e.timestamp().isAfter(at))
        .toList();
  }

  @Query
  @Description("One event of your organization by id; an acknowledged event is always found (a miss refreshes the "
      + "index and looks again), so it is visible at once after its write")
  public StoredEventView event(@NonNull @Id String eventId) throws ApiException {
    Caller caller = callers.require(Role.PAYMENTS_READ);
    return translated("event", () -> reads.read(() -> payments.event(InputValidation.id("eventId", eventId))
        .filter(e -> visible(caller, List.of(e))).map(StoredEventView::of).orElse(null)));
  }

  /**
   * A stream is the organization's that wrote it: another organization's payment reads as one that
   * does not exist (no history, no state, no event), so ids of other organizations are not revealed.
   */
  private static boolean visible(Caller caller, List<RecordedEvent> events) {
    return caller.isOperator() || events.stream()
        .allMatch(e -> caller.organizationId().equals(e.metadata().organizationId()));
  }
}
