package io.esledger.analytics.projection;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.esledger.application.PaymentEventSerializer;
import io.esledger.application.eventstore.AppendResult;
import io.esledger.application.eventstore.EventStore;
import io.esledger.infrastructure.eventstore.elasticsearch.ElasticsearchSettings;
import io.esledger.infrastructure.eventstore.elasticsearch.EventIndex;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.concurrent.Executors;

/** The application's projections, wired into CDI: observes appends, answers status and rebuild requests. */
@ApplicationScoped
public class Projections {

  public static final String PAYMENTS = "payments";
  private static final Logger LOG = Logger.getLogger(Projections.class.getName());
  /** Appends queued just before a checkpoint may still have been in flight: look a little further back. */
  private static final Duration CATCH_UP_MARGIN = Duration.ofSeconds(30);

  @Inject ElasticsearchClient client;
  @Inject ElasticsearchSettings settings;
  @Inject EventIndex events;
  @Inject EventStore store;
  @Inject PaymentEventSerializer serializer;
  @Inject Clock clock;

  private PaymentsReadModel payments;
  private final ExecutorService rebuilds = Executors.newSingleThreadExecutor(r -> new Thread(r, "projection-rebuild"));

  @PostConstruct
  void start() {
    payments = new PaymentsReadModel(client, settings, events, store, serializer, clock);
  }

  /**
   * Starts the projector with the application and, in the background, takes in what a previous
   * run may have acknowledged but not projected (it stopped or crashed with appends queued).
   */
  void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
    rebuilds.submit(this::catchUp);
  }

  private void catchUp() {
    try {
      int streams = payments.catchUp(CATCH_UP_MARGIN);
      if (streams < 0) {
        LOG.info("payments projection: no checkpoint yet; projecting live appends from now on "
            + "(rebuildProjection takes in older events)");
      } else {
        LOG.info(() -> "payments projection caught up on " + streams + " payment(s) touched since its last checkpoint");
      }
    } catch (Exception e) {
      LOG.log(Level.WARNING, "payments projection could not catch up at start; run rebuildProjection", e);
    }
  }

  /** Consistency boundary: this runs after Elasticsearch acknowledged the append; it only queues. */
  void onAppended(@Observes AppendResult appended) {
    payments.enqueue(appended);
  }

  @PreDestroy
  void stop() {
    payments.close();
    rebuilds.shutdownNow();
  }

  public PaymentsQuery payments() {
    return payments.query();
  }

  public String paymentsIndex() {
    return payments.alias();
  }

  public boolean awaitPaymentsApplied(Instant writtenBefore, Duration timeout) throws InterruptedException {
    return payments.awaitApplied(writtenBefore, timeout);
  }

  public ProjectionLag paymentsLag() {
    return payments.lag();
  }

  public int paymentsBacklog() {
    return payments.backlog();
  }

  public RebuildProgress paymentsRebuildProgress() {
    return payments.rebuild().progress();
  }

  /** Starts a rebuild in the background (or returns the running one's progress); {@code wait} blocks until done. */
  public RebuildProgress rebuildPayments(boolean wait) throws Exception {
    PaymentsRebuild rebuild = payments.rebuild();
    if (rebuild.running()) {
      return rebuild.progress();
    }
    rebuild.markStarting();
    var done = rebuilds.submit(rebuild::run);
    return wait ? done.get() : rebuild.progress();
  }
}
