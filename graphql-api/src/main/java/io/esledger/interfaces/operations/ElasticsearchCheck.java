package io.esledger.interfaces.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready to serve only while Elasticsearch answers and the event index and read model are usable
 * (not red). Answers from the last background sample: a sample older than three intervals means
 * Elasticsearch stopped answering (DOWN), without this probe waiting for it.
 */
@Readiness
@ApplicationScoped
public class ElasticsearchCheck implements HealthCheck {

  @Inject OperationalState state;

  @Override
  public HealthCheckResponse call() {
    OperationalState.Sample sample = state.sample();
    boolean fresh = state.fresh(sample);
    HealthCheckResponseBuilder response = HealthCheckResponse.named("elasticsearch")
        .status(fresh && sample.elasticsearchAnswered() && sample.indicesReady())
        .withData("status", fresh ? sample.elasticsearch() : "no answer for " + Math.round(sample.ageSeconds()) + " s")
        .withData("sampledSecondsAgo", Math.round(sample.ageSeconds()));
    return response.build();
  }
}
