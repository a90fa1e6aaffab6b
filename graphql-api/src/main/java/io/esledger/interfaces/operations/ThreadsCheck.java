package io.esledger.interfaces.operations;

import io.esledger.analytics.projection.Projections;
import io.esledger.infrastructure.eventstore.elasticsearch.ElasticsearchEventStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while the threads that write appends (group commit), run the payments projection and the
 * invoice payments process are running. One that died of an error only comes back with a restart, which is what a DOWN liveness
 * asks for. In memory only: never waits for Elasticsearch (a hung cluster is not a reason to restart).
 */
@Liveness
@ApplicationScoped
public class ThreadsCheck implements HealthCheck {

  @Inject ElasticsearchEventStore store;
  @Inject Projections projections;

  @Override
  public HealthCheckResponse call() {
    boolean writers = store.writersAlive();
    boolean projection = projections.paymentsProjector().threadsAlive();
    boolean invoices = projections.invoicePayments().threadsAlive();
    return HealthCheckResponse.named("threads")
        .status(writers && projection && invoices)
        .withData("eventStoreWriters", writers ? "running" : "died")
        .withData("paymentsProjection", projection ? "running" : "died")
        .withData("invoicePaymentsProcess", invoices ? "running" : "died")
        .build();
  }
}
