package io.esledger.interfaces.graphql;

import static io.esledger.interfaces.graphql.errors.Errors.translated;

import io.esledger.analytics.consistency.ReadConsistency;
import io.esledger.analytics.projection.InvoicePaymentsProcess;
import io.esledger.analytics.projection.LeasedSubscriber;
import io.esledger.analytics.projection.ParkedEvents;
import io.esledger.analytics.projection.PaymentFilter;
import io.esledger.analytics.projection.ProjectionLag;
import io.esledger.analytics.projection.Projections;
import io.esledger.analytics.projection.RebuildProgress;
import io.esledger.analytics.search.PageRequest;
import io.esledger.application.eventstore.LogPosition;
import io.esledger.interfaces.graphql.errors.ApiException;
import io.esledger.interfaces.graphql.errors.NotFoundException;
import io.esledger.interfaces.graphql.errors.ValidationFailedException;
import io.esledger.interfaces.graphql.security.Caller;
import io.esledger.interfaces.graphql.security.Callers;
import io.esledger.interfaces.graphql.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
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

  @Inject StoreReads reads;

  @Query
  @Description("Payments from the read model, most recently updated first. Near-real-time (about 1 s) unless "
      + "consistentWith carries tokens from mutation receipts.")
  public @NonNull PaymentPageView payments(PaymentFilterInput filter, PageInput page, List<String> consistentWith)
      throws ApiException {
    Caller caller = callers.require(Role.PAYMENTS_READ);
    String organization = caller.readScope(filter == null ? null : filter.organizationId());
    return translated("payments", () -> reads.read(() -> {
      PaymentFilterInput valid = filter == null ? null : validation.valid(filter);
      PageRequest paging = PageInput.toRequest(page);
      consistency.payments(Tokens.valid(consistentWith));
      return PaymentPageView.of(projections.payments().search(
          (valid == null ? PaymentFilter.none() : valid.toFilter()).forOrganization(organization), paging.offset(),
          paging.size()));
    }));
  }

  @Query
  @Description("A projection's health and its last rebuild's progress: \"payments\" (the read model) or "
      + "\"invoice-payments\" (the process manager that applies captured payments to invoices; never rebuilt)")
  public @NonNull ProjectionStatusView projectionStatus(@DefaultValue("payments") String name) throws ApiException {
    callers.require(Role.OPERATOR);
    return translated("projectionStatus", () -> status(name));
  }

  @Mutation
  @Description("Rebuilds a read model from the event store. Returns at once with the progress (poll "
      + "projectionStatus), or when done if wait is true.")
  public @NonNull ProjectionStatusView rebuildProjection(@DefaultValue("payments") String name,
      @DefaultValue("false") Boolean wait) throws ApiException {
    callers.require(Role.OPERATOR);
    return translated("rebuildProjection", () -> {
      if (wait == null) {
        throw new ValidationFailedException("wait", "true or false (or leave it out: false)");
      }
      known(name);
      if (InvoicePaymentsProcess.NAME.equals(name)) {
        throw new ValidationFailedException("name", "the invoice payments process is not rebuilt: its effects are "
            + "commands recorded on invoices, not a read model");
      }
      projections.rebuildPayments(wait);
      return status(name);
    });
  }

  private ProjectionStatusView status(String name) throws Exception {
    known(name);
    if (InvoicePaymentsProcess.NAME.equals(name)) {
      // a process manager: its effects are commands recorded on invoices, there is no read model to rebuild
      InvoicePaymentsProcess process = projections.invoicePayments();
      return status(name, process, process.backlog(), RebuildProgress.NOT_REBUILT);
    }
    return status(name, projections.paymentsProjector(), projections.paymentsBacklog(),
        projections.paymentsRebuildProgress());
  }

  /** What every follower of the log reports: the read model's projection and the process manager. */
  private static ProjectionStatusView status(String name, LeasedSubscriber subscriber, long backlog,
      RebuildProgress rebuild) throws IOException {
    ProjectionLag lag = subscriber.lag();
    List<ParkedEvents.Parked> parked = subscriber.parked(MAX_PARKED_SHOWN);
    LogPosition checkpoint = subscriber.checkpoint();
    return new ProjectionStatusView(name, (int) lag.appliedEvents(), (int) Math.min(Integer.MAX_VALUE, backlog),
        (int) lag.lastMillis(), (int) lag.maxMillis(), lag.averageMillis(),
        checkpoint == null ? null : checkpoint.encode(), subscriber.active(),
        (int) Math.max(subscriber.parkedCount(), parked.size()),
        parked.stream().map(ProjectionStatusView.ParkedEventView::of).toList(),
        ProjectionStatusView.RebuildView.of(rebuild));
  }

  private static final int MAX_PARKED_SHOWN = 20;

  private static void known(String name) throws NotFoundException {
    if (!Projections.PAYMENTS.equals(name) && !InvoicePaymentsProcess.NAME.equals(name)) {
      throw new NotFoundException("no projection named " + name + " (known: " + Projections.PAYMENTS + ", "
          + InvoicePaymentsProcess.NAME + ")");
    }
  }
}
