package io.esledger.analytics.projection;

import io.esledger.application.eventstore.AppendResult;
import io.esledger.application.eventstore.EventStore;
import io.esledger.application.eventstore.RecordedEvent;
import io.esledger.application.eventstore.StreamId;
import io.esledger.domain.model.payment.PaymentEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the {@code payments} read model up to date from appended events. Appends are queued (the
 * command does not wait for the read model) and applied in batches by one worker thread; a batch
 * that fails is retried, never dropped. {@link #awaitApplied} lets a query wait for a given write.
 */
public final class PaymentsProjector {

  private static final Logger LOG = Logger.getLogger(PaymentsProjector.class.getName());
  private static final int MAX_BATCH = 500;
  private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);
  private static final Duration CHECKPOINT_EVERY = Duration.ofSeconds(5);

  private final EventStore store;
  private final PaymentsIndex index;
  private final PaymentsFold fold;
  private final Clock clock;
  private final Checkpoints checkpoints;
  private Instant checkpointed = Instant.EPOCH;
  private long appliedAtCheckpoint;
  private Instant lastCheckpointAt = Instant.EPOCH;
  private final BlockingQueue<Queued> queue = new LinkedBlockingQueue<>();
  private final ProjectionLag lag = new ProjectionLag();
  private final Object watermarkMonitor = new Object();
  private volatile Instant appliedThrough = Instant.EPOCH;
  private volatile boolean running = true;
  private final Thread worker;

  PaymentsProjector(EventStore store, PaymentsIndex index, PaymentsFold fold, Clock clock, Checkpoints checkpoints) {
    this.store = store;
    this.index = index;
    this.fold = fold;
    this.clock = clock;
    this.checkpoints = checkpoints;
    this.worker = new Thread(this::work, "payments-projector");
    worker.setDaemon(true);
    worker.start();
  }

  /** Called with every acknowledged append (in the appending thread): only queues it. */
  public void enqueue(AppendResult appended) {
    if (PaymentEvent.AGGREGATE_TYPE.equals(appended.stream().aggregateType())) {
      synchronized (queue) { // queue order = timestamp order, which the watermark relies on
        queue.add(new Queued(appended, clock.instant()));
      }
    }
  }

  /** Waits until every append queued before {@code instant} is in the read model. */
  public boolean awaitApplied(Instant instant, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (watermarkMonitor) {
      while (!appliedThrough.isAfter(instant)) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(watermarkMonitor, left);
      }
    }
    return true;
  }

  public ProjectionLag lag() {
    return lag;
  }

  public int backlog() {
    return queue.size();
  }

  public void stop() {
    running = false;
    worker.interrupt();
  }

  /**
   * Takes in what a previous run acknowledged but may not have projected: the streams touched since
   * its last checkpoint (less a margin). Returns how many streams were re-applied, or -1 when there
   * is no checkpoint (a first start: older events come in with a rebuild).
   */
  int catchUp(RecentStreams recent, Duration margin) throws Exception {
    Optional<Instant> through = checkpoints.read(Projections.PAYMENTS);
    if (through.isEmpty()) {
      return -1;
    }
    List<StreamId> streams = recent.since(through.get().minus(margin));
    reproject(streams);
    return streams.size();
  }

  /** Re-applies whole streams (after a rebuild or a restart, to take in what was appended meanwhile). */
  void reproject(List<StreamId> streams) throws Exception {
    index.ensureExists();
    List<PaymentSummary> rows = new ArrayList<>();
    for (StreamId stream : streams) {
      List<RecordedEvent> events = store.read(stream, 1);
      if (!events.isEmpty()) {
        rows.add(fold.fold(events));
      }
    }
    index.write(index.alias(), rows);
  }

  private void work() {
    while (running) {
      try {
        Instant before = clock.instant();
        Queued first = queue.poll(250, TimeUnit.MILLISECONDS);
        if (first == null) {
          advance(before); // nothing was waiting when we looked: all earlier appends are applied
          continue;
        }
        List<Queued> batch = new ArrayList<>(List.of(first));
        queue.drainTo(batch, MAX_BATCH - 1);
        applyUntilDone(batch);
        // only this thread takes from the queue: if it is empty now, everything queued before now is applied
        Instant appliedAt = clock.instant();
        Queued next = queue.peek();
        advance(next == null ? appliedAt : next.queuedAt());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void applyUntilDone(List<Queued> batch) throws InterruptedException {
    while (running) {
      try {
        apply(batch);
        return;
      } catch (Exception e) {
        LOG.log(Level.WARNING, "payments projection could not apply " + batch.size()
            + " append(s); retrying in " + RETRY_PAUSE.toSeconds() + " s", e);
        Thread.sleep(RETRY_PAUSE.toMillis());
      }
    }
  }

  private void apply(List<Queued> batch) throws Exception {
    index.ensureExists();
    Map<StreamId, List<RecordedEvent>> byStream = new LinkedHashMap<>();
    for (Queued queued : batch) {
      byStream.computeIfAbsent(queued.appended().stream(), s -> new ArrayList<>()).addAll(queued.appended().events());
    }
    List<PaymentSummary> rows = new ArrayList<>(byStream.size());
    for (Map.Entry<StreamId, List<RecordedEvent>> entry : byStream.entrySet()) {
      rows.add(fold.fold(wholeStream(entry.getKey(), entry.getValue())));
    }
    index.write(index.alias(), rows);
    Instant appliedAt = clock.instant();
    byStream.values().forEach(events -> events.forEach(e -> lag.record(e.timestamp(), appliedAt)));
  }

  /**
   * The events at hand suffice when they start the stream and follow each other; otherwise the
   * stream is read from the store, so an event this process never saw is not skipped.
   */
  private List<RecordedEvent> wholeStream(StreamId stream, List<RecordedEvent> seen) {
    seen.sort((a, b) -> Integer.compare(a.version(), b.version()));
    for (int i = 0; i < seen.size(); i++) {
      if (seen.get(i).version() != i + 1) {
        return store.read(stream, 1);
      }
    }
    return seen;
  }

  private void advance(Instant watermark) {
    synchronized (watermarkMonitor) {
      if (watermark.isAfter(appliedThrough)) {
        appliedThrough = watermark;
        watermarkMonitor.notifyAll();
      }
    }
    checkpoint();
  }

  /** Saves the watermark now and then (only when it moved because of applied appends). */
  private void checkpoint() {
    Instant now = clock.instant();
    long applied = lag.appliedEvents();
    if (applied == appliedAtCheckpoint || Duration.between(lastCheckpointAt, now).compareTo(CHECKPOINT_EVERY) < 0
        || !appliedThrough.isAfter(checkpointed)) {
      return;
    }
    try {
      Instant through = appliedThrough;
      checkpoints.save(Projections.PAYMENTS, through);
      checkpointed = through;
      appliedAtCheckpoint = applied;
    } catch (Exception e) {
      LOG.log(Level.WARNING, "could not save the payments projection checkpoint; will retry", e);
    }
    lastCheckpointAt = now;
  }

  private record Queued(AppendResult appended, Instant queuedAt) {}
}
