package io.esledger.analytics.projection;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.esledger.application.eventstore.EventStore;
import io.esledger.application.eventstore.LogFilter;
import io.esledger.application.eventstore.LogPage;
import io.esledger.application.eventstore.LogPosition;
import io.esledger.application.eventstore.RecordedEvent;
import io.esledger.application.eventstore.StreamId;
import java.util.LinkedHashSet;
import java.util.Set;
import io.esledger.domain.model.payment.PaymentEvent;
import io.esledger.infrastructure.eventstore.elasticsearch.ElasticsearchClients;
import io.esledger.infrastructure.eventstore.elasticsearch.EventDocuments;
import io.esledger.infrastructure.eventstore.elasticsearch.EventFields;
import io.esledger.infrastructure.eventstore.elasticsearch.EventIndex;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Logger;

/**
 * Rebuilds the {@code payments} read model from the event store: notes the log's head, scans every
 * payment event in stream order (a point-in-time view opened after that head was searchable) into
 * a fresh index, catches the fresh index up along the log from the noted head, then — with the live
 * projection paused between two pages — catches up to where the live projection is, swaps the
 * alias and hands the live projection the rebuilt index's position. No acknowledged event can fall
 * between the two indices. Reports progress (and logs rate and ETA) as it goes.
 */
public final class PaymentsRebuild {

  private static final Logger LOG = Logger.getLogger(PaymentsRebuild.class.getName());
  private static final int PAGE = 2000;
  /**
   * Bulk writes in flight while the scan goes on. One shard indexes one bulk on one write thread, so a
   * second bulk in flight puts the node's second core to work; the scan overlaps both.
   */
  private static final int WRITERS = 2;
  private static final Duration LOG_EVERY = Duration.ofSeconds(2);

  private final ElasticsearchClient client;
  private final EventIndex events;
  private final PaymentsIndex payments;
  private final PaymentsFold fold;
  private final PaymentsProjector projector;
  private final EventStore store;
  private final Clock clock;
  private final EventDocuments documents = new EventDocuments(ElasticsearchClients.objectMapper());
  private volatile RebuildProgress progress = new RebuildProgress("NEVER_RUN", 0, 0, 0, 0, null, null, null, null);

  public PaymentsRebuild(ElasticsearchClient client, EventIndex events, PaymentsIndex payments, PaymentsFold fold,
      PaymentsProjector projector, EventStore store, Clock clock) {
    this.store = store;
    this.client = client;
    this.events = events;
    this.payments = payments;
    this.fold = fold;
    this.projector = projector;
    this.clock = clock;
  }

  public RebuildProgress progress() {
    return progress;
  }

  public boolean running() {
    return "RUNNING".equals(progress.state()) || "STARTING".equals(progress.state());
  }

  /** Shows a rebuild as under way from the moment it is asked for, before it has counted its events. */
  public void markStarting() {
    progress = new RebuildProgress("STARTING", 0, 0, 0, 0, null, clock.instant(), null, null);
  }

  /** Runs the whole rebuild in the calling thread. */
  public synchronized RebuildProgress run() {
    Instant started = clock.instant();
    try {
      payments.ensureExists();
      // the scan's point in time opens after this position was searchable: it sees all of it
      LogPosition scanned = store.head();
      long total = client.count(c -> c.index(events.name()).query(paymentEvents())).count();
      progress = new RebuildProgress("RUNNING", 0, total, 0, 0, null, started, null, null);
      LOG.info(() -> "Rebuilding read model " + payments.alias() + " from " + total + " payment events");
      String target = payments.createForBulkLoad();
      long streams = scanInto(target, total, started);
      LogPosition caughtUp = catchUp(target, scanned);
      projector.whilePaused(checkpoint -> {
        LogPosition head = catchUp(target, caughtUp);
        if (!head.covers(checkpoint)) {
          throw new IllegalStateException("the log's head " + head + " is behind the projection's " + checkpoint);
        }
        payments.swapTo(target);
        return head;
      });
      Instant finished = clock.instant();
      double rate = rate(total, started, finished);
      progress = new RebuildProgress("DONE", total, total, streams, rate, 0L, started, finished, null);
      LOG.info(() -> String.format("Rebuilt %s: %d events, %d payments in %d ms (%.0f events/s)",
          payments.alias(), total, streams, Duration.between(started, finished).toMillis(), rate));
    } catch (Exception e) {
      progress = new RebuildProgress("FAILED", progress.processedEvents(), progress.totalEvents(), progress.streams(),
          0, null, started, clock.instant(), e.getMessage());
      LOG.severe(() -> "Rebuild of " + payments.alias() + " failed: " + e);
    }
    return progress;
  }

  private long scanInto(String target, long total, Instant started) throws IOException, InterruptedException {
    String pit = client.openPointInTime(p -> p.index(events.name()).keepAlive(k -> k.time("2m"))).id();
    ExecutorService writers = Executors.newFixedThreadPool(WRITERS, r -> {
      Thread t = new Thread(r, "payments-rebuild-writer");
      t.setDaemon(true);
      return t;
    });
    Deque<Future<?>> writing = new ArrayDeque<>();
    long processed = 0;
    long streams = 0;
    Instant lastLog = started;
    List<RecordedEvent> current = new ArrayList<>();
    List<PaymentSummary> rows = new ArrayList<>();
    List<FieldValue> after = null;
    try {
      while (true) {
        List<FieldValue> searchAfter = after;
        SearchResponse<ObjectNode> page = client.search(s -> {
          s.pit(p -> p.id(pit).keepAlive(k -> k.time("2m")))
              .query(paymentEvents())
              .sort(o -> o.field(f -> f.field(EventFields.STREAM_ID).order(SortOrder.Asc)))
              .sort(o -> o.field(f -> f.field(EventFields.VERSION).order(SortOrder.Asc)))
              .size(PAGE);
          if (searchAfter != null) {
            s.searchAfter(searchAfter);
          }
          return s;
        }, ObjectNode.class);
        List<Hit<ObjectNode>> hits = page.hits().hits();
        if (hits.isEmpty()) {
          break;
        }
        for (Hit<ObjectNode> hit : hits) {
          RecordedEvent event = documents.event(hit.source());
          if (!current.isEmpty() && !current.get(0).stream().equals(event.stream())) {
            rows.add(fold.fold(current));
            streams++;
            current = new ArrayList<>();
          }
          current.add(event);
        }
        // each stream's row is emitted once (when the scan leaves the stream), so bulks never overlap
        write(writers, writing, target, rows);
        rows = new ArrayList<>();
        processed += hits.size();
        after = hits.get(hits.size() - 1).sort();
        Instant now = clock.instant();
        if (Duration.between(lastLog, now).compareTo(LOG_EVERY) >= 0) {
          lastLog = now;
          report(processed, total, streams, started, now);
        }
      }
      if (!current.isEmpty()) {
        write(writers, writing, target, List.of(fold.fold(current)));
        streams++;
      }
      while (!writing.isEmpty()) {
        awaitOldest(writing);
      }
      return streams;
    } finally {
      writers.shutdownNow();
      client.closePointInTime(c -> c.id(pit));
    }
  }

  /**
   * Applies the log from {@code from} to its head to the rebuilt index (whole streams, read from the
   * store: the scan may have seen part of a stream). Returns the position reached.
   */
  private LogPosition catchUp(String target, LogPosition from) throws IOException {
    LogPosition at = from;
    while (true) {
      LogPage page = store.readLog(at, LogFilter.aggregateType(PaymentEvent.AGGREGATE_TYPE), PAGE);
      Set<StreamId> streams = new LinkedHashSet<>();
      page.entries().forEach(e -> streams.add(e.event().stream()));
      List<PaymentSummary> rows = new ArrayList<>();
      for (StreamId stream : streams) {
        List<RecordedEvent> events = store.read(stream, 1);
        if (!events.isEmpty()) {
          rows.add(fold.fold(events));
        }
      }
      payments.write(target, rows);
      at = page.next();
      if (page.atHead()) {
        return at;
      }
    }
  }

  /** Hands the rows to a writer; waits first while {@link #WRITERS} bulks are still in flight. */
  private void write(ExecutorService writers, Deque<Future<?>> writing, String target, List<PaymentSummary> rows)
      throws IOException, InterruptedException {
    while (writing.size() >= WRITERS) {
      awaitOldest(writing);
    }
    writing.add(writers.submit(() -> {
      payments.write(target, rows);
      return null;
    }));
  }

  private static void awaitOldest(Deque<Future<?>> writing) throws IOException, InterruptedException {
    try {
      writing.poll().get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    }
  }

  private void report(long processed, long total, long streams, Instant started, Instant now) {
    double rate = rate(processed, started, now);
    Long eta = rate > 0 ? Math.round((total - processed) / rate) : null;
    progress = new RebuildProgress("RUNNING", processed, total, streams, rate, eta, started, null, null);
    LOG.info(() -> String.format("Rebuilding %s: %d/%d events (%.0f events/s, ETA %s s)",
        payments.alias(), processed, total, rate, eta));
  }

  private static Query paymentEvents() {
    return Query.of(q -> q.term(t -> t.field(EventFields.AGGREGATE_TYPE).value(PaymentEvent.AGGREGATE_TYPE)));
  }

  private static double rate(long events, Instant from, Instant to) {
    long millis = Math.max(1, Duration.between(from, to).toMillis());
    return events * 1000.0 / millis;
  }
}
