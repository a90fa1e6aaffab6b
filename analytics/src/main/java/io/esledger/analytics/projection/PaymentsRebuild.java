package io.esledger.analytics.projection;

import io.esledger.application.eventstore.BackgroundThreads;
import io.esledger.application.eventstore.EventStore;
import io.esledger.application.eventstore.LogEntry;
import io.esledger.application.eventstore.LogFilter;
import io.esledger.application.eventstore.LogPage;
import io.esledger.application.eventstore.LogPosition;
import io.esledger.application.eventstore.RecordedEvent;
import io.esledger.application.eventstore.StreamId;
import io.esledger.domain.model.payment.PaymentEvent;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Logger;

/**
 * Rebuilds the {@code payments} read model from the event log: reads the log from its start into a
 * fresh index (no refreshes meanwhile), then — with the live projection paused between two pages —
 * catches up to the log's head (which covers the live checkpoint) and hands the live projection the
 * rebuilt index with its position in one compare-and-set of the lease document; only then are readers
 * switched and the old index dropped. A lease lost before that compare-and-set leaves the old index
 * as it was and drops the new one. An acknowledged event is either in the fresh index
 * or after the new checkpoint: none can fall between the two indices. Reports progress (and logs
 * rate and ETA) as it goes.
 */
public final class PaymentsRebuild {

  private static final Logger LOG = Logger.getLogger(PaymentsRebuild.class.getName());
  private static final int PAGE = 2000;
  /**
   * Bulk writes in flight while the log is read on. One shard indexes one bulk on one write thread,
   * so a second bulk in flight puts the node's second core to work; reading overlaps both. Two
   * bulks may hold rows of the same payment: the higher stream version wins whatever the order.
   */
  private static final int WRITERS = 2;
  private static final Duration LOG_EVERY = Duration.ofSeconds(2);
  /** Catch-up rounds before the live projection is paused for the last one and the swap. */
  private static final int CATCH_UP_ROUNDS = 3;
  private static final LogFilter PAYMENTS = LogFilter.aggregateType(PaymentEvent.AGGREGATE_TYPE);

  private final PaymentsIndex payments;
  private final PaymentsFold fold;
  private final PaymentsProjector projector;
  private final EventStore store;
  private final PaymentEventCounter counter;
  private final Clock clock;
  private volatile RebuildProgress progress = new RebuildProgress("NEVER_RUN", 0, 0, 0, 0, null, null, null, null);

  /** How many payment events there are now (for progress and ETA only). */
  @FunctionalInterface
  public interface PaymentEventCounter {
    long count() throws IOException;
  }

  public PaymentsRebuild(PaymentsIndex payments, PaymentsFold fold, PaymentsProjector projector, EventStore store,
      PaymentEventCounter counter, Clock clock) {
    this.payments = payments;
    this.fold = fold;
    this.projector = projector;
    this.store = store;
    this.counter = counter;
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
    String target = null;
    try {
      payments.ensureExists();
      long total = counter.count();
      progress = new RebuildProgress("RUNNING", 0, total, 0, 0, null, started, null, null);
      LOG.info(() -> "Rebuilding read model " + payments.alias() + " from " + total + " payment events");
      target = payments.createForBulkLoad();
      Load load = new Load(target, total, started);
      // to the head as it was at the start, then a few rounds to the head as it is then: each round
      // has a fixed end, so appends that keep coming cannot keep the rebuild from finishing
      LogPosition loaded = load.from(store.logStart(), store.head());
      for (int round = 0; round < CATCH_UP_ROUNDS; round++) {
        LogPosition head = store.head();
        if (loaded.covers(head)) {
          break;
        }
        loaded = load.from(loaded, head);
      }
      LogPosition caughtUp = loaded;
      String filled = target;
      projector.whilePaused(checkpoint -> {
        // paused: the live checkpoint stays put; the head now covers it (the projection never reads past it)
        LogPosition head = store.head().max(checkpoint);
        return new LeasedSubscriber.Handover(load.from(caughtUp, head), filled);
      });
      Instant finished = clock.instant();
      long processed = load.processed;
      double rate = rate(processed, started, finished);
      progress = new RebuildProgress("DONE", processed, Math.max(total, processed), load.streams, rate, 0L, started,
          finished, null);
      LOG.info(() -> String.format("Rebuilt %s: %d events, %d payments in %d ms (%.0f events/s)",
          payments.alias(), processed, load.streams, Duration.between(started, finished).toMillis(), rate));
    } catch (Exception e) {
      if (target != null && !(e instanceof LeasedSubscriber.SwapUnfinishedException)) {
        // not handed over (the lease was lost before the checkpoint named it, or the load failed):
        // the read model is still the old index, untouched
        payments.drop(target);
      }
      progress = new RebuildProgress("FAILED", progress.processedEvents(), progress.totalEvents(), progress.streams(),
          0, null, started, clock.instant(), e.getMessage());
      LOG.severe(() -> "Rebuild of " + payments.alias() + " failed: " + e);
    }
    return progress;
  }

  /** Loading the fresh index along the log, with progress. */
  private final class Load {
    private final String target;
    private final long total;
    private final Instant started;
    private long processed;
    private long streams;
    private Instant lastLog;

    Load(String target, long total, Instant started) {
      this.target = target;
      this.total = total;
      this.started = started;
      this.lastLog = started;
    }

    /** Applies the log from {@code from} until {@code until} to the fresh index; returns the position reached. */
    LogPosition from(LogPosition from, LogPosition until) throws IOException, InterruptedException {
      ExecutorService writers = Executors.newFixedThreadPool(WRITERS,
          r -> BackgroundThreads.named(projector.threads(), "payments-rebuild-writer", r));
      Deque<Future<?>> writing = new ArrayDeque<>();
      try {
        LogPosition at = from;
        while (!at.covers(until)) {
          LogPage page = store.readLog(at, PAYMENTS, PAGE);
          if (page.next().equals(at) && page.atHead()) {
            throw new IllegalStateException("the log's head " + at + " does not reach " + until);
          }
          write(writers, writing, target, rows(page.entries()));
          processed += page.entries().size();
          at = page.next();
          report();
        }
        while (!writing.isEmpty()) {
          awaitOldest(writing);
        }
        return at;
      } finally {
        writers.shutdownNow();
      }
    }

    /**
     * One row per stream of the page: folded from the page when it holds the stream from its first
     * event, else from the whole stream read from the store (one multi-get for all such streams).
     */
    private List<PaymentSummary> rows(List<LogEntry> entries) {
      Map<StreamId, List<RecordedEvent>> byStream = new LinkedHashMap<>();
      entries.forEach(e -> byStream.computeIfAbsent(e.event().stream(), s -> new ArrayList<>()).add(e.event()));
      List<StreamId> partial = new ArrayList<>();
      List<PaymentSummary> rows = new ArrayList<>(byStream.size());
      for (Map.Entry<StreamId, List<RecordedEvent>> stream : byStream.entrySet()) {
        List<RecordedEvent> events = stream.getValue();
        if (events.get(0).version() == 1) {
          streams++;
        }
        if (startsAndFollows(events)) {
          rows.add(fold.fold(events));
        } else {
          partial.add(stream.getKey());
        }
      }
      if (!partial.isEmpty()) {
        store.readAll(partial).values().stream().filter(h -> !h.isEmpty()).forEach(h -> rows.add(fold.fold(h)));
      }
      return rows;
    }

    private void report() {
      Instant now = clock.instant();
      if (Duration.between(lastLog, now).compareTo(LOG_EVERY) < 0) {
        return;
      }
      lastLog = now;
      double rate = rate(processed, started, now);
      Long eta = rate > 0 ? Math.max(0, Math.round((total - processed) / rate)) : null;
      progress = new RebuildProgress("RUNNING", processed, Math.max(total, processed), streams, rate, eta, started,
          null, null);
      LOG.info(() -> String.format("Rebuilding %s: %d/%d events (%.0f events/s, ETA %s s)",
          payments.alias(), processed, total, rate, eta));
    }
  }

  private static boolean startsAndFollows(List<RecordedEvent> events) {
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).version() != i + 1) {
        return false;
      }
    }
    return true;
  }

  /** Hands the rows to a writer; waits first while {@link #WRITERS} bulks are still in flight. */
  private void write(ExecutorService writers, Deque<Future<?>> writing, String target, List<PaymentSummary> rows)
      throws IOException, InterruptedException {
    if (rows.isEmpty()) {
      return;
    }
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

  private static double rate(long events, Instant from, Instant to) {
    long millis = Math.max(1, Duration.between(from, to).toMillis());
    return events * 1000.0 / millis;
  }
}
