package io.esledger.interfaces.operations;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.esledger.analytics.projection.PaymentsProjector;
import io.esledger.analytics.projection.Projections;
import io.esledger.application.eventstore.LogPosition;
import io.esledger.infrastructure.eventstore.elasticsearch.EventIndex;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the probes and gauges report, sampled in the background every
 * {@code ledger.health.interval-ms} (2 s) on a container-managed scheduler: whether Elasticsearch
 * answers and the ledger's indices are usable, and where the payments projection stands. A probe
 * reads the last sample and never waits for Elasticsearch; a sampler stuck on a hung cluster shows as
 * a sample too old to trust.
 */
@ApplicationScoped
public class OperationalState {

  private static final Logger LOG = Logger.getLogger(OperationalState.class.getName());

  /** What one round of sampling saw; {@code backlog} is -1 when it could not be read. */
  public record Sample(Instant takenAt, long takenNanos, boolean elasticsearchAnswered, String elasticsearch,
      boolean indicesReady, long backlog, String checkpoint, long checkpointSinceNanos) {

    static Sample none() {
      long now = System.nanoTime();
      return new Sample(null, now, false, "not sampled yet", false, -1, null, now);
    }

    /** Seconds since this sample was taken (how stale what it says is). */
    public double ageSeconds() {
      return (System.nanoTime() - takenNanos) / 1e9;
    }

    /** Seconds the projection's checkpoint has not moved. */
    public double checkpointStillSeconds() {
      return (System.nanoTime() - checkpointSinceNanos) / 1e9;
    }
  }

  @Inject ElasticsearchClient client;
  @Inject EventIndex events;
  @Inject Projections projections;

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject
  @ConfigProperty(name = "ledger.health.interval-ms", defaultValue = "2000")
  long intervalMs;

  private volatile Sample last = Sample.none();
  private volatile boolean started;
  private ScheduledFuture<?> sampling;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    sampling = scheduler.scheduleWithFixedDelay(this::sampleQuietly, 0, intervalMs, TimeUnit.MILLISECONDS);
    started = true;
  }

  @PreDestroy
  void stop() {
    if (sampling != null) {
      sampling.cancel(true);
    }
  }

  /** True once the application has started (its beans initialized, sampling scheduled). */
  public boolean started() {
    return started;
  }

  public Sample sample() {
    return last;
  }

  /** Whether a sample is recent enough to trust: taken within three intervals and a second. */
  public boolean fresh(Sample sample) {
    return sample.ageSeconds() * 1000 <= 3 * intervalMs + 1000;
  }

  private void sampleQuietly() {
    try {
      last = sampleNow(last);
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "sampling failed", e);
    }
  }

  private Sample sampleNow(Sample before) {
    long now = System.nanoTime();
    boolean answered;
    String elasticsearch;
    boolean ready;
    try {
      List<String> indices = List.of(events.name(), projections.paymentsIndex());
      boolean exist = client.indices().exists(e -> e.index(indices)).value();
      elasticsearch = exist ? client.cluster().health(h -> h.index(indices)).status().jsonValue()
          : "ledger indices missing";
      ready = exist && !"red".equals(elasticsearch);
      answered = true;
    } catch (Exception e) {
      answered = false;
      ready = false;
      elasticsearch = "no answer: " + e.getClass().getSimpleName();
    }
    long backlog = -1;
    String checkpoint = null;
    if (answered) {
      try {
        backlog = projections.paymentsBacklog();
        PaymentsProjector projector = projections.paymentsProjector();
        LogPosition at = projector.appliedThrough();
        checkpoint = at == null ? null : at.encode();
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "projection state not read", e);
      }
    }
    boolean moved = checkpoint == null ? before.checkpoint() != null : !checkpoint.equals(before.checkpoint());
    long still = moved || backlog == 0 ? now : before.checkpointSinceNanos();
    return new Sample(Instant.now(), now, answered, elasticsearch, ready, backlog, checkpoint, still);
  }
}
