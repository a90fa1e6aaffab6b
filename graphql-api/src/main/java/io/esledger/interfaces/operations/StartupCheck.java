package io.esledger.interfaces.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/**
 * Started once the application is deployed and its beans initialized (event index prepared, the
 * projection contending for its lease). Elasticsearch being down does not hold startup back: that is
 * readiness's business, and restarting would not help.
 */
@Startup
@ApplicationScoped
public class StartupCheck implements HealthCheck {

  @Inject OperationalState state;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("started").status(state.started()).build();
  }
}
