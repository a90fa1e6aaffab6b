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
import java.util.concurrent.Executors;

/** The application's projections, wired into CDI: observes appends, answers status and rebuild requests. */
@ApplicationScoped
public class Projections {

  public static final String PAYMENTS = "payments";

  @Inject ElasticsearchClient client;
  @Inject ElasticsearchSettings settings;
  @Inject EventIndex events;
  @Inject EventStore store;
  @Inject PaymentEventSerializer serializer;
  @Inject Clock clock;

  private PaymentsIndex paymentsIndex;
  private PaymentsProjector projector;
  private PaymentsRebuild rebuild;
  private PaymentsQuery query;
  private final ExecutorService rebuilds = Executors.newSingleThreadExecutor(r -> new Thread(r, "projection-rebuild"));

  @PostConstruct
  void start() {
    PaymentsFold fold = new PaymentsFold(serializer);
    paymentsIndex = new PaymentsIndex(client, settings);
    projector = new PaymentsProjector(store, paymentsIndex, fold, clock);
    rebuild = new PaymentsRebuild(client, events, paymentsIndex, fold, projector, clock);
    query = new PaymentsQuery(client, paymentsIndex);
  }

  /** Eagerly starts the projector with the application (it is otherwise created on first use). */
  void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
    projector.backlog();
  }

  /** Consistency boundary: this runs after Elasticsearch acknowledged the append; it only queues. */
  void onAppended(@Observes AppendResult appended) {
    projector.enqueue(appended);
  }

  @PreDestroy
  void stop() {
    projector.stop();
    rebuilds.shutdownNow();
  }

  public PaymentsQuery payments() {
    return query;
  }

  public String paymentsIndex() {
    return paymentsIndex.alias();
  }

  public boolean awaitPaymentsApplied(Instant writtenBefore, Duration timeout) throws InterruptedException {
    return projector.awaitApplied(writtenBefore, timeout);
  }

  public ProjectionLag paymentsLag() {
    return projector.lag();
  }

  public int paymentsBacklog() {
    return projector.backlog();
  }

  public RebuildProgress paymentsRebuildProgress() {
    return rebuild.progress();
  }

  /** Starts a rebuild in the background (or returns the running one's progress); {@code wait} blocks until done. */
  public RebuildProgress rebuildPayments(boolean wait) throws Exception {
    if (rebuild.running()) {
      return rebuild.progress();
    }
    var done = rebuilds.submit(rebuild::run);
    return wait ? done.get() : rebuild.progress();
  }
}
