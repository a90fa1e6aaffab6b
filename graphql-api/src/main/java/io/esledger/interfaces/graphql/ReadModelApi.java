package io.esledger.interfaces.graphql;

import static io.esledger.interfaces.graphql.errors.Errors.translated;

import io.esledger.analytics.consistency.ReadConsistency;
import io.esledger.analytics.projection.ParkedEvents;
import io.esledger.analytics.projection.PaymentsProjector;
import io.esledger.analytics.projection.ProjectionLag;
import io.esledger.application.eventstore.LogPosition;
import io.esledger.analytics.projection.PaymentFilter;
import io.esledger.analytics.projection.Projections;
import io.esledger.analytics.search.PageRequest;
import io.esledger.interfaces.graphql.errors.ApiException;
import io.esledger.interfaces.graphql.errors.NotFoundException;
import io.esledger.interfaces.graphql.security.Caller;
import io.esledger.interfaces.graphql.security.Callers;
import io.esledger.interfaces.graphql.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/** The payments read model, and operating its projection. */
@GraphQLApi
@ApplicationScoped
public class ReadModelApi {

  @Inject Projections projections;
  @Inject ReadConsistency consistency;
  @Inject InputValidation validation;
  @Inject Callers callers;

  @Query
  @Description("Payments from the read model, most recently updated first. Near-real-time (about 1 s) unless "
      + "consistentWith carries tokens from mutation receipts.")
  public @NonNull PaymentPageView payments(PaymentFilterInput filter, PageInput page, List<String> consistentWith)
      throws ApiException {
    Caller caller = callers.require(Role.PAYMENTS_READ);
    String organization = caller.readScope(filter == null ? null : filter.organizationId());
    return translated("payments", () -> {
      PaymentFilterInput valid = filter == null ? null : validation.valid(filter);
      PageRequest paging = PageInput.toRequest(page);
      consistency.payments(Tokens.valid(consistentWith));
      return PaymentPageView.of(projections.payments().search(
          (valid == null ? PaymentFilter.none() : valid.toFilter()).forOrganization(organization), paging.offset(),
          paging.size()));
    });
  }

  @Query
  @Description("A projection's health and its last rebuild's progress")
  public @NonNull ProjectionStatusView projectionStatus(@DefaultValue("payments") String name) throws ApiException {
    callers.require(Role.OPERATOR);
    return translated("projectionStatus", () -> status(name));
  }

  @Mutation
  @Description("Rebuilds a read model from the event store. Returns at once with the progress (poll "
      + "projectionStatus), or when done if wait is true.")
  public @NonNull ProjectionStatusView rebuildProjection(@DefaultValue("payments") String name,
      @DefaultValue("false") boolean wait) throws ApiException {
    callers.require(Role.OPERATOR);
    return translated("rebuildProjection", () -> {
      known(name);
      projections.rebuildPayments(wait);
      return status(name);
    });
  }

  private ProjectionStatusView status(String name) throws Exception {
    known(name);
    ProjectionLag lag = projections.paymentsLag();
    PaymentsProjector projector = projections.paymentsProjector();
    List<ParkedEvents.Parked> parked = projections.paymentsParked(MAX_PARKED_SHOWN);
    LogPosition checkpoint = projector.checkpoint();
    return new ProjectionStatusView(name, (int) lag.appliedEvents(), (int) Math.min(Integer.MAX_VALUE,
        projections.paymentsBacklog()), (int) lag.lastMillis(), (int) lag.maxMillis(), lag.averageMillis(),
        checkpoint == null ? null : checkpoint.encode(), projector.active(),
        (int) Math.max(projector.parkedCount(), parked.size()),
        parked.stream().map(ProjectionStatusView.ParkedEventView::of).toList(),
        ProjectionStatusView.RebuildView.of(projections.paymentsRebuildProgress()));
  }

  private static final int MAX_PARKED_SHOWN = 20;

  private static void known(String name) throws NotFoundException {
    if (!Projections.PAYMENTS.equals(name)) {
      throw new NotFoundException("no projection named " + name + " (known: " + Projections.PAYMENTS + ")");
    }
  }
}
