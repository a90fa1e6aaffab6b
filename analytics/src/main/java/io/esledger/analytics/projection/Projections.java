package io.esledger.analytics.projection;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.esledger.application.PaymentEventSerializer;
import io.esledger.application.eventstore.EventStore;
import io.esledger.application.eventstore.LogPosition;
import io.esledger.application.invoice.InvoiceSettlement;
import io.esledger.infrastructure.elasticsearch.ElasticsearchSettings;
import io.esledger.infrastructure.eventstore.view.EventIndexView;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The application's projections and process managers, wired into CDI: starts them, answers status
 * and rebuild requests.
 */
@ApplicationScoped
public class Projections {

  public static final String PAYMENTS = "payments";

  @Inject ElasticsearchClient client;
  @Inject ElasticsearchSettings settings;
  @Inject EventIndexView events;
  @Inject EventStore store;
  @Inject PaymentEventSerializer serializer;
  @Inject Clock clock;
  @Inject InvoiceSettlement settlement;

  /** Background threads (the projections' subscriptions and lease keepers) come from the container. */
  @Resource ManagedThreadFactory threads;

  /** Rebuilds run on the container's executor. */
  @Resource ManagedExecutorService rebuilds;

  private PaymentsReadModel payments;
  private InvoicePaymentsProcess invoicePayments;

  @PostConstruct
  void start() {
    payments = new PaymentsReadModel(client, settings, events, store, serializer, clock, threads);
    invoicePayments = new InvoicePaymentsProcess(store, settlement,
        ProjectionLease.of(client, settings, InvoicePaymentsProcess.NAME), ParkedEvents.of(client, settings), clock,
        threads);
  }

  /**
   * Starts the projection and the invoice process manager with the application: the instance that
   * gets a lease catches up from the stored checkpoint and then follows the log live (one
   * subscription for both).
   */
  void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
    payments.start();
    invoicePayments.start();
  }

  @PreDestroy
  void stop() {
    invoicePayments.close();
    payments.close();
  }

  public PaymentsQuery payments() {
    return payments.query();
  }

  public String paymentsIndex() {
    return payments.alias();
  }

  public boolean awaitPaymentsApplied(LogPosition position, Duration timeout) throws InterruptedException {
    return payments.awaitApplied(position, timeout);
  }

  /** The invoice process manager: it applies captured payments to the invoices they name. */
  public InvoicePaymentsProcess invoicePayments() {
    return invoicePayments;
  }

  public long paymentsBacklog() {
    return payments.backlog();
  }

  public PaymentsProjector paymentsProjector() {
    return payments.projector();
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
    if (!payments.projector().active()) {
      throw new ProjectionElsewhereException("the payments projection runs on another app instance (or has not "
          + "started yet); send the rebuild to the instance that runs it");
    }
    rebuild.markStarting();
    var done = rebuilds.submit(rebuild::run);
    return wait ? done.get() : rebuild.progress();
  }

  /** A rebuild asked of an instance that does not run the projection. */
  public static class ProjectionElsewhereException extends Exception {
    public ProjectionElsewhereException(String message) {
      super(message);
    }
  }
}
