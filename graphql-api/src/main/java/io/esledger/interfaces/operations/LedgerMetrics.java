package io.esledger.interfaces.operations;

import io.esledger.analytics.EventAnalytics;
import io.esledger.analytics.cache.AnswerCache;
import io.esledger.analytics.projection.InvoicePaymentsProcess;
import io.esledger.analytics.projection.LeasedSubscriber;
import io.esledger.analytics.projection.PaymentsProjector;
import io.esledger.analytics.projection.Projections;
import io.esledger.infrastructure.elasticsearch.ElasticsearchCalls;
import io.esledger.infrastructure.eventstore.elasticsearch.ElasticsearchEventStore;
import io.esledger.infrastructure.eventstore.elasticsearch.StoreMeter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Histogram;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * The ledger's metrics, in MicroProfile Metrics' application registry (Liberty serves them at
 * {@code /metrics} in Prometheus' format, names prefixed {@code ledger_}). Meters are looked up once
 * per tag combination and kept; recording is a few atomic adds on the request's thread.
 */
@ApplicationScoped
public class LedgerMetrics {

  @Inject MetricRegistry registry;
  @Inject ElasticsearchEventStore store;
  @Inject ElasticsearchCalls calls;
  @Inject Projections projections;
  @Inject EventAnalytics analytics;
  @Inject OperationalState state;

  private final Map<String, Timer> requestTimers = new ConcurrentHashMap<>();
  private final Map<String, Timer> callTimers = new ConcurrentHashMap<>();
  private final Map<StoreMeter.Outcome, Timer> appendTimers = new EnumMap<>(StoreMeter.Outcome.class);
  private final Map<StoreMeter.Outcome, Counter> appendCounters = new EnumMap<>(StoreMeter.Outcome.class);
  private Histogram batchSizes;
  private Histogram batchEvents;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    batchSizes = registry.histogram(Metadata.builder().withName("ledger.append.batch.appends")
        .withDescription("appends (streams) per write to Elasticsearch: group-commit batch sizes").build());
    batchEvents = registry.histogram(Metadata.builder().withName("ledger.append.batch.events")
        .withDescription("events per write to Elasticsearch").build());
    Metadata appended = Metadata.builder().withName("ledger.appends").withDescription("appends written, by outcome "
        + "(stored, conflict, failed, unknown); conflicts are optimistic-concurrency refusals").build();
    Metadata waited = Metadata.builder().withName("ledger.append.duration").withDescription("one append as "
        + "its caller waits for it: group-commit queue and the write to Elasticsearch").build();
    for (StoreMeter.Outcome outcome : StoreMeter.Outcome.values()) {
      Tag tag = new Tag("outcome", outcome.tag());
      appendCounters.put(outcome, registry.counter(appended, tag));
      appendTimers.put(outcome, registry.timer(waited, tag));
    }
    store.meterWith(new StoreMeter() {
      @Override
      public void written(int appends, int events) {
        batchSizes.update(appends);
        batchEvents.update(events);
      }

      @Override
      public void outcome(Outcome outcome) {
        appendCounters.get(outcome).inc();
      }

      @Override
      public void appended(Outcome outcome, long nanos) {
        appendTimers.get(outcome).update(Duration.ofNanos(nanos));
      }
    });
    calls.listen((api, nanos, outcome) -> callTimers.computeIfAbsent(api + '|' + outcome.tag(),
        key -> registry.timer(Metadata.builder().withName("ledger.elasticsearch.calls")
            .withDescription("calls to Elasticsearch by API and outcome (ok, client_error, server_error, no_answer)")
            .build(), new Tag("api", api), new Tag("outcome", outcome.tag())))
        .update(Duration.ofNanos(nanos)));
    projectionGauges();
    cacheGauges();
  }

  /** One GraphQL request over HTTP: its root field (or "other"), outcome (OK or the first error's code). */
  public void request(String operation, String outcome, long nanos) {
    requestTimers.computeIfAbsent(operation + '|' + outcome, key -> registry.timer(Metadata.builder()
        .withName("ledger.graphql.requests").withDescription("GraphQL requests over HTTP by operation (the first "
            + "root field) and outcome (OK or the first error's extensions.code)").build(),
        new Tag("operation", operation), new Tag("outcome", outcome)))
        .update(Duration.ofNanos(nanos));
  }

  private void projectionGauges() {
    Tag payments = new Tag("projection", Projections.PAYMENTS);
    gauge("ledger.projection.backlog", "log operations between the projection's checkpoint and the log's head "
        + "(sampled; -1 when unknown)", () -> state.sample().backlog(), payments);
    PaymentsProjector projector = projections.paymentsProjector();
    subscriberGauges(projector, projector::parkedCount, payments);
    InvoicePaymentsProcess invoices = projections.invoicePayments();
    subscriberGauges(invoices, invoices::parkedCount, new Tag("projection", InvoicePaymentsProcess.NAME));
    gauge("ledger.elasticsearch.up", "1 when Elasticsearch answered the last health sample",
        () -> state.sample().elasticsearchAnswered() ? 1 : 0);
  }

  /** What every follower of the log reports: the payments projection and the invoice process manager. */
  private void subscriberGauges(LeasedSubscriber subscriber, LongSupplier parked, Tag tag) {
    gauge("ledger.projection.checkpoint.position", "the sum of the checkpoint's per-shard sequence numbers: "
        + "rises as the projection advances", () -> {
          var at = subscriber.appliedThrough();
          long sum = 0;
          for (int p = 0; at != null && p < at.partitions(); p++) {
            sum += at.seqNo(p);
          }
          return sum;
        }, tag);
    gauge("ledger.projection.lag.last.milliseconds", "decision to read model for the last event applied here",
        () -> subscriber.lag().lastMillis(), tag);
    gauge("ledger.projection.lag.max.milliseconds", "the longest decision-to-read-model lag seen here",
        () -> subscriber.lag().maxMillis(), tag);
    gauge("ledger.projection.applied.events", "events applied by this instance since it started (a running total)",
        () -> subscriber.lag().appliedEvents(), tag);
    gauge("ledger.projection.parked.events", "events the projection gave up on (parked with a reason)",
        parked::getAsLong, tag);
    gauge("ledger.projection.active", "1 when this instance runs the projection (holds its lease)",
        () -> subscriber.active() ? 1 : 0, tag);
  }

  private void cacheGauges() {
    AnswerCache cache = analytics.cache();
    String hits = "answers found in a cache level: in_process, or redis (another instance's answers; a running total)";
    gauge("ledger.cache.hits", hits, cache::hits, new Tag("level", "in_process"));
    gauge("ledger.cache.hits", hits, cache::redisHits, new Tag("level", "redis"));
    gauge("ledger.cache.misses", "answers computed by Elasticsearch (running total)", cache::misses);
    gauge("ledger.cache.entries", "answers held in process", cache::size);
    gauge("ledger.cache.redis.failures",
        "calls to Redis that failed, timed out or were refused by its circuit breaker or bulkhead (running total)",
        cache::redisFailures);
  }

  private void gauge(String name, String description, Supplier<Number> value, Tag... tags) {
    registry.gauge(Metadata.builder().withName(name).withDescription(description).build(), value, Supplier::get, tags);
  }
}
