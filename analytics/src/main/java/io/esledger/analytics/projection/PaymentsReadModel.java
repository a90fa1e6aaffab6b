package io.esledger.analytics.projection;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.esledger.application.PaymentEventSerializer;
import io.esledger.application.eventstore.AppendResult;
import io.esledger.application.eventstore.EventStore;
import io.esledger.infrastructure.eventstore.elasticsearch.ElasticsearchSettings;
import io.esledger.infrastructure.eventstore.elasticsearch.EventIndex;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The {@code payments} read model and everything that keeps it, wired without CDI (the application
 * wires it through {@link Projections}; tools and tests build it directly).
 */
public final class PaymentsReadModel implements AutoCloseable {

  private final PaymentsIndex index;
  private final PaymentsProjector projector;
  private final PaymentsRebuild rebuild;
  private final PaymentsQuery query;
  private final RecentStreams recent;

  public PaymentsReadModel(ElasticsearchClient client, ElasticsearchSettings settings, EventIndex events,
      EventStore store, PaymentEventSerializer serializer, Clock clock) {
    PaymentsFold fold = new PaymentsFold(serializer);
    index = new PaymentsIndex(client, settings);
    projector = new PaymentsProjector(store, index, fold, clock, new Checkpoints(client, settings));
    rebuild = new PaymentsRebuild(client, events, index, fold, projector, clock);
    query = new PaymentsQuery(client, index);
    recent = new RecentStreams(client, events);
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

  public ProjectionLag lag() {
    return projector.lag();
  }

  public int backlog() {
    return projector.backlog();
  }

  public void enqueue(AppendResult appended) {
    projector.enqueue(appended);
  }

  public boolean awaitApplied(Instant instant, Duration timeout) throws InterruptedException {
    return projector.awaitApplied(instant, timeout);
  }

  /** See {@link PaymentsProjector#catchUp}: -1 without a checkpoint, else how many streams were re-applied. */
  public int catchUp(Duration margin) throws Exception {
    return projector.catchUp(recent, margin);
  }

  @Override
  public void close() {
    projector.stop();
  }
}
