package io.esledger.interfaces.graphql;

import static io.esledger.interfaces.graphql.errors.Errors.translated;

import io.esledger.application.PaymentQueries;
import io.esledger.domain.model.payment.PaymentId;
import io.esledger.interfaces.graphql.errors.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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

  @Query
  @Description("A payment's events, version ascending; sees every acknowledged write at once")
  public @NonNull List<@NonNull StoredEventView> paymentHistory(@NonNull @Id String paymentId) throws ApiException {
    return translated("paymentHistory", () ->
        payments.history(new PaymentId(paymentId)).stream().map(StoredEventView::of).toList());
  }

  @Query
  @Description("A payment's state replayed from its events; null when it has none")
  public PaymentView payment(@NonNull @Id String paymentId) throws ApiException {
    return translated("payment", () ->
        payments.payment(new PaymentId(paymentId)).map(PaymentView::of).orElse(null));
  }

  @Query
  @Description("One event by id; found through search, so visible within about a second of its write")
  public StoredEventView event(@NonNull @Id String eventId) throws ApiException {
    return translated("event", () ->
        payments.event(InputValidation.id("eventId", eventId)).map(StoredEventView::of).orElse(null));
  }
}
