package io.esledger.interfaces.operations;

import io.esledger.analytics.projection.Projections;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The payments read model keeps up: DOWN when its backlog (log operations behind the head) exceeds
 * {@code ledger.health.max-projection-backlog} (10,000; -1 turns the bound off), or when it has a
 * backlog and its checkpoint has not moved for {@code ledger.health.projection-stall-seconds} (60).
 * Whichever instance runs the projection, every instance reports it: reads everywhere depend on it.
 */
@Readiness
@ApplicationScoped
public class ProjectionCheck implements HealthCheck {

  @Inject OperationalState state;
  @Inject Projections projections;

  @Inject
  @ConfigProperty(name = "ledger.health.max-projection-backlog", defaultValue = "10000")
  long maxBacklog;

  @Inject
  @ConfigProperty(name = "ledger.health.projection-stall-seconds", defaultValue = "60")
  long stallSeconds;

  @Override
  public HealthCheckResponse call() {
    OperationalState.Sample sample = state.sample();
    long backlog = sample.backlog();
    boolean tooFar = maxBacklog >= 0 && backlog > maxBacklog;
    boolean stalled = backlog > 0 && sample.checkpointStillSeconds() > stallSeconds;
    HealthCheckResponseBuilder response = HealthCheckResponse.named("projection-" + Projections.PAYMENTS)
        .status(!tooFar && !stalled)
        .withData("backlog", backlog)
        .withData("checkpointUnchangedSeconds", Math.round(sample.checkpointStillSeconds()))
        .withData("parkedEvents", projections.paymentsProjector().parkedCount())
        .withData("runsOnThisInstance", projections.paymentsProjector().active());
    if (tooFar) {
      response.withData("reason", "backlog above " + maxBacklog);
    } else if (stalled) {
      response.withData("reason", "checkpoint has not moved for more than " + stallSeconds + " s");
    }
    return response.build();
  }
}
