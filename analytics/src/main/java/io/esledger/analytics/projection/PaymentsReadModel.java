package io.esledger.analytics.projection;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.esledger.application.PaymentEventSerializer;
import io.esledger.application.eventstore.BackgroundThreads;
import io.esledger.application.eventstore.EventStore;
import io.esledger.application.eventstore.LogPosition;
import io.esledger.domain.model.payment.PaymentEvent;
import io.esledger.infrastructure.elasticsearch.ElasticsearchSettings;
import io.esledger.infrastructure.eventstore.view.EventFields;
import io.esledger.infrastructure.eventstore.view.EventIndexView;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadFactory;

/**
 * The {@code payments} read model and everything that keeps it, wired without CDI (the application
 * wires it through {@link Projections}; tools and tests build it directly).
 */
public final class PaymentsReadModel implements AutoCloseable {

  private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(PaymentsReadModel.class.getName());

  private final PaymentsIndex index;
  private final PaymentsProjector projector;
  private final PaymentsRebuild rebuild;
  private final PaymentsQuery query;

  public PaymentsReadModel(ElasticsearchClient client, ElasticsearchSettings settings, EventIndexView events,
      EventStore store, PaymentEventSerializer serializer, Clock clock) {
    this(client, settings, events, store, serializer, clock, BackgroundThreads.DAEMONS);
  }

  /** @param threads where the projection's threads come from */
  public PaymentsReadModel(ElasticsearchClient client, ElasticsearchSettings settings, EventIndexView events,
      EventStore store, PaymentEventSerializer serializer, Clock clock, ThreadFactory threads) {
    PaymentsFold fold = new PaymentsFold(serializer);
    index = new PaymentsIndex(client, settings);
    projector = new PaymentsProjector(store, index, fold,
        ProjectionLease.of(client, settings, Projections.PAYMENTS), ParkedEvents.of(client, settings), clock, threads);
    rebuild = new PaymentsRebuild(index, fold, projector, store, () -> client.count(c -> c.index(events.name())
        .query(q -> q.term(t -> t.field(EventFields.AGGREGATE_TYPE).value(PaymentEvent.AGGREGATE_TYPE)))).count(),
        clock);
    query = new PaymentsQuery(client, index);
    projector.onHolding(() -> migrateIfNeeded(threads));
    projector.onLogReplaced(() -> rebuildForNewLog(threads));
  }

  /**
   * An index made by an earlier version (rows keyed by payment id alone) is replaced by a rebuild as
   * soon as this instance holds the projection; until the swap, {@link PaymentsQuery} refuses to
   * read it.
   */
  private void migrateIfNeeded(ThreadFactory threads) {
    try {
      if (index.keyedByOrganization() || rebuild.running()) {
        return;
      }
    } catch (RuntimeException e) {
      LOG.warning(() -> "could not check the layout of " + index.alias() + " (" + e.getMessage() + ")");
      return;
    }
    rebuildInBackground(threads, "payments-read-model-migration", "to key its rows by organization and payment id");
  }

  /**
   * The event log was replaced (restored from a snapshot, or created again): the rows are of the old
   * one. The live projection starts the new log from its beginning, and a rebuild replaces the rows
   * with what the new log holds, as if the read model had never seen the old one.
   */
  private void rebuildForNewLog(ThreadFactory threads) {
    if (!rebuild.running()) {
      rebuildInBackground(threads, "payments-read-model-new-log", "from the event log that replaced the one it was built from");
    }
  }

  /** Starts a rebuild on a thread of its own, shown as under way at once, and says why in the log. */
  private void rebuildInBackground(ThreadFactory threads, String thread, String why) {
    LOG.warning(() -> "Rebuilding " + index.alias() + " " + why);
    rebuild.markStarting();
    BackgroundThreads.named(threads, thread, rebuild::run).start();
  }

  /**
   * Prepares the read model's index (so it exists, with its replicas, before the first write needs
   * it) and starts projecting once this instance holds the projection's lease.
   */
  public void start() {
    try {
      index.ensureExists();
    } catch (RuntimeException e) {
      java.util.logging.Logger.getLogger(PaymentsReadModel.class.getName())
          .warning(() -> "read model index not ready at start (" + e.getMessage() + "); the projection retries");
    }
    projector.start();
  }

  public PaymentsProjector projector() {
    return projector;
  }

  /**
   * Operations between the read model's checkpoint and the log's head (a count of log operations,
   * not only payment events); 0 when caught up.
   */
  public long backlog() {
    return projector.backlog();
  }

  public String alias() {
    return index.alias();
  }

  public PaymentsQuery query() {
    return query;
  }

  public PaymentsRebuild rebuild() {
    return rebuild;
  }


  public boolean awaitApplied(LogPosition position, Duration timeout) throws InterruptedException {
    return projector.awaitApplied(position, timeout);
  }

  @Override
  public void close() {
    projector.close();
  }
}
