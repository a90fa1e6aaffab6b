package io.esledger.analytics.projection;

import io.esledger.application.eventstore.EventStore;
import io.esledger.application.eventstore.EventStoreUnavailableException;
import io.esledger.application.eventstore.LogEntry;
import io.esledger.application.eventstore.LogFilter;
import io.esledger.application.eventstore.LogPage;
import io.esledger.application.eventstore.LogPosition;
import io.esledger.application.eventstore.LogSubscription;
import io.esledger.application.eventstore.RecordedEvent;
import io.esledger.application.eventstore.StreamId;
import io.esledger.domain.model.payment.PaymentEvent;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the {@code payments} read model from the event log. The instance holding the projection's
 * lease ({@link ProjectionLease}) runs one catch-up subscription from the stored checkpoint — the
 * same code path for start-up catch-up and live updates — and after each page writes the rows,
 * then moves the checkpoint (a compare-and-set that also fences a deposed holder). Rows carry the
 * stream version as an external version, so a page applied twice (a crash between rows and
 * checkpoint, two holders during a failover) changes nothing. An event that cannot be folded or
 * whose row is refused is retried a few times with back-off and then parked; an outage is retried
 * until it ends.
 */
public final class PaymentsProjector implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(PaymentsProjector.class.getName());
  static final Duration LEASE_TIME = Duration.ofSeconds(8);
  private static final Duration RENEW_EVERY = Duration.ofSeconds(2);
  private static final Duration CONTEND_EVERY = Duration.ofSeconds(1);
  private static final int PAGE = 500;
  private static final int ATTEMPTS = 4;
  private static final Duration FIRST_RETRY = Duration.ofMillis(200);

  private final String instance = UUID.randomUUID().toString();
  private final EventStore store;
  private final PaymentsIndex index;
  private final PaymentsFold fold;
  private final ProjectionLease lease;
  private final ParkedEvents parked;
  private final Clock clock;
  private final ProjectionLag lag = new ProjectionLag();
  private final Object casLock = new Object();
  private final Object appliedMonitor = new Object();
  /** Held while a page is applied; a rebuild takes it to pause the projection for its swap. */
  private final ReentrantLock applying = new ReentrantLock();
  private final Thread keeper;
  private volatile ProjectionLease.State held;
  private volatile LogSubscription subscription;
  private volatile LogPosition appliedThrough;
  private volatile long lastRenewed;
  private volatile long parkedCount;
  private volatile boolean running = true;

  PaymentsProjector(EventStore store, PaymentsIndex index, PaymentsFold fold, ProjectionLease lease,
      ParkedEvents parked, Clock clock) {
    this.store = store;
    this.index = index;
    this.fold = fold;
    this.lease = lease;
    this.parked = parked;
    this.clock = clock;
    this.keeper = new Thread(this::keepLease, "payments-projection-lease");
    keeper.setDaemon(true);
  }

  void start() {
    keeper.start();
  }

  /** This app instance's id (random per start), as the lease names its holder. */
  public String instance() {
    return instance;
  }

  public boolean active() {
    return held != null;
  }

  /** The checkpoint as last known here (everything before it is in the read model); null before any. */
  public LogPosition appliedThrough() {
    return appliedThrough;
  }

  /** The checkpoint now: this instance's when it runs the projection, else the stored one (read real-time). */
  public LogPosition checkpoint() {
    if (held == null) {
      readStoredCheckpoint();
    }
    return appliedThrough;
  }

  public ProjectionLag lag() {
    return lag;
  }

  /**
   * Whether the projection's threads run: the lease keeper always, and the log subscription while
   * this instance holds the lease. False means only a restart brings the projection back.
   */
  public boolean threadsAlive() {
    if (!running) {
      return true; // closed on purpose (the application stops)
    }
    LogSubscription reading = subscription;
    boolean keeping = keeper.getState() == Thread.State.NEW || keeper.isAlive(); // NEW: not started yet
    return keeping && (held == null || reading == null || reading.running());
  }

  public long parkedCount() {
    return parkedCount;
  }

  List<ParkedEvents.Parked> parked(int max) throws IOException {
    return parked.recent(Projections.PAYMENTS, max);
  }

  /**
   * Waits until the read model's checkpoint covers {@code position} (on this instance, or — when
   * another instance holds the projection — as its stored checkpoint says).
   */
  public boolean awaitApplied(LogPosition position, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      LogPosition known = appliedThrough;
      if (known != null && known.covers(position)) {
        return true;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      LogSubscription running = subscription;
      if (running != null) {
        running.wake(); // somebody waits: read on now rather than at the next poll
      }
      if (held == null) {
        readStoredCheckpoint();
        known = appliedThrough;
        if (known != null && known.covers(position)) {
          return true;
        }
      }
      synchronized (appliedMonitor) {
        TimeUnit.NANOSECONDS.timedWait(appliedMonitor, Math.min(left, TimeUnit.MILLISECONDS.toNanos(25)));
      }
    }
  }

  /** Learns the stored checkpoint; a failed read is only logged (the caller waits on, up to its deadline). */
  private void readStoredCheckpoint() {
    try {
      lease.read().map(ProjectionLease.State::position).filter(java.util.Objects::nonNull).ifPresent(this::applied);
    } catch (IOException | RuntimeException e) {
      LOG.fine(() -> "could not read the payments projection's checkpoint: " + e);
    }
  }

  private void applied(LogPosition position) {
    synchronized (appliedMonitor) {
      appliedThrough = appliedThrough == null ? position : appliedThrough.max(position);
      appliedMonitor.notifyAll();
    }
  }

  private void keepLease() {
    ProjectionLease.State seen = null;
    long seenSince = 0;
    while (running) {
      try {
        if (held == null && subscription != null) {
          stopSubscription();
        }
        if (held == null) {
          Optional<ProjectionLease.State> doc = lease.read();
          if (doc.isEmpty()) {
            lease.create(instance, store.logStart()).ifPresent(this::becomeHolder);
          } else {
            ProjectionLease.State state = doc.get();
            if (state.position() != null) {
              applied(state.position());
            }
            if (state.free()) {
              takeOver(state, "it was free");
            } else if (!state.sameVersion(seen)) {
              seen = state;
              seenSince = System.nanoTime();
            } else if (System.nanoTime() - seenSince > LEASE_TIME.toNanos()) {
              takeOver(state, "holder " + state.holder() + " did not renew for " + LEASE_TIME.toSeconds() + " s");
            }
          }
        } else {
          renew();
        }
      } catch (IOException | RuntimeException e) {
        if (held != null && System.nanoTime() - lastRenewed > LEASE_TIME.minus(RENEW_EVERY).toNanos()) {
          stepDown("could not renew its lease: " + e.getMessage());
        } else {
          LOG.log(Level.FINE, "payments projection lease: " + e.getMessage(), e);
        }
      }
      try {
        Thread.sleep((held != null ? RENEW_EVERY : CONTEND_EVERY).toMillis());
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void takeOver(ProjectionLease.State state, String why) throws IOException {
    lease.replace(state, state.position(), instance, state.term() + 1, 0).ifPresent(taken -> {
      LOG.info(() -> "payments projection: instance " + instance + " takes over (" + why + ")");
      becomeHolder(taken);
    });
  }

  private void becomeHolder(ProjectionLease.State state) {
    LogPosition from = state.position() == null ? store.logStart() : state.position();
    lastRenewed = System.nanoTime();
    held = state;
    applied(from);
    LOG.info(() -> "payments projection runs on instance " + instance + " (term " + state.term() + ") from " + from);
    subscription = store.subscribe("payments", from, LogFilter.aggregateType(PaymentEvent.AGGREGATE_TYPE), PAGE,
        this::apply);
  }

  private void renew() throws IOException {
    synchronized (casLock) {
      ProjectionLease.State current = held;
      if (current == null) {
        return;
      }
      Optional<ProjectionLease.State> renewed =
          lease.replace(current, current.position(), instance, current.term(), current.beat() + 1);
      if (renewed.isEmpty()) {
        stepDown("another instance took its lease");
        return;
      }
      held = renewed.get();
      lastRenewed = System.nanoTime();
    }
  }

  private void stepDown(String why) {
    if (held != null) {
      LOG.warning(() -> "payments projection stops on instance " + instance + ": " + why);
    }
    held = null;
    if (Thread.currentThread() == keeper) {
      stopSubscription();
    }
  }

  private void stopSubscription() {
    LogSubscription current = subscription;
    subscription = null;
    if (current != null) {
      current.close();
    }
  }

  /** One page of the log: rows for its streams, then the checkpoint (fenced by the lease). */
  private void apply(LogPage page) throws Exception {
    applying.lockInterruptibly();
    try {
      if (held == null) {
        throw new IllegalStateException("the payments projection's lease was lost");
      }
      index.ensureExists();
      Map<StreamId, List<LogEntry>> byStream = new LinkedHashMap<>();
      page.entries().forEach(e -> byStream.computeIfAbsent(e.event().stream(), s -> new ArrayList<>()).add(e));
      writeRows(byStream);
      checkpoint(page.next());
      Instant appliedAt = clock.instant();
      page.entries().forEach(e -> lag.record(e.event().timestamp(), appliedAt));
    } finally {
      applying.unlock();
    }
  }

  private void writeRows(Map<StreamId, List<LogEntry>> byStream) throws Exception {
    Map<String, StreamId> byPayment = new LinkedHashMap<>();
    Map<StreamId, PaymentSummary> rows = new LinkedHashMap<>();
    for (Map.Entry<StreamId, List<LogEntry>> stream : byStream.entrySet()) {
      foldWithRetries(stream.getKey(), stream.getValue()).ifPresent(row -> {
        rows.put(stream.getKey(), row);
        byPayment.put(row.paymentId(), stream.getKey());
      });
    }
    List<PaymentSummary> pending = new ArrayList<>(rows.values());
    for (int attempt = 1; !pending.isEmpty(); attempt++) {
      Map<String, String> refused = index.tryWrite(index.alias(), pending);
      if (refused.isEmpty()) {
        return;
      }
      if (attempt == ATTEMPTS) {
        for (Map.Entry<String, String> r : refused.entrySet()) {
          park(byStream.get(byPayment.get(r.getKey())), "row refused: " + r.getValue());
        }
        return;
      }
      pending = pending.stream().filter(row -> refused.containsKey(row.paymentId())).toList();
      pause(attempt);
    }
  }

  /** The stream's row; empty when the stream had to be parked. Outages are thrown (the page is retried). */
  private Optional<PaymentSummary> foldWithRetries(StreamId stream, List<LogEntry> entries) throws Exception {
    for (int attempt = 1; ; attempt++) {
      try {
        return Optional.of(fold.fold(wholeStream(stream, entries)));
      } catch (EventStoreUnavailableException outage) {
        throw outage;
      } catch (RuntimeException poison) {
        if (attempt == ATTEMPTS) {
          park(entries, "cannot fold: " + poison);
          return Optional.empty();
        }
        pause(attempt);
      }
    }
  }

  private void park(List<LogEntry> entries, String reason) throws IOException {
    for (LogEntry entry : entries) {
      LOG.warning(() -> "payments projection parks " + entry.event().stream() + " v" + entry.event().version()
          + " (event " + entry.event().eventId() + ") after " + ATTEMPTS + " attempts: " + reason);
      parked.park(Projections.PAYMENTS, entry, reason, clock.instant());
      parkedCount++;
    }
  }

  private static void pause(int attempt) throws InterruptedException {
    Thread.sleep(FIRST_RETRY.toMillis() << (2 * (attempt - 1)));
  }

  /**
   * The events of the page suffice when they start the stream and follow each other; otherwise the
   * whole stream is read from the store (real-time), so earlier events are folded in too.
   */
  private List<RecordedEvent> wholeStream(StreamId stream, List<LogEntry> entries) {
    List<RecordedEvent> seen = entries.stream().map(LogEntry::event).toList();
    for (int i = 0; i < seen.size(); i++) {
      if (seen.get(i).version() != i + 1) {
        return store.read(stream, 1);
      }
    }
    return seen;
  }

  private void checkpoint(LogPosition next) throws IOException {
    synchronized (casLock) {
      ProjectionLease.State current = held;
      if (current == null) {
        throw new IllegalStateException("the payments projection's lease was lost");
      }
      Optional<ProjectionLease.State> saved = lease.replace(current, next, instance, current.term(), current.beat() + 1);
      if (saved.isEmpty()) {
        held = null; // fenced: another instance took over; the lease keeper stops this subscription
        throw new IllegalStateException("the payments projection's lease was taken by another instance");
      }
      held = saved.get();
      lastRenewed = System.nanoTime();
    }
    applied(next);
  }

  /**
   * Runs {@code work} while this instance's projection is paused between pages (a rebuild swaps
   * indices in it); {@code work} gets the checkpoint and returns the new one.
   */
  LogPosition whilePaused(PausedWork work) throws Exception {
    applying.lockInterruptibly();
    try {
      ProjectionLease.State current = held;
      if (current == null) {
        throw new IllegalStateException("the payments projection runs on another instance; send the rebuild there");
      }
      LogPosition next = work.run(current.position() == null ? store.logStart() : current.position());
      checkpoint(next);
      return next;
    } finally {
      applying.unlock();
    }
  }

  /** Work done while the projection is paused. */
  @FunctionalInterface
  interface PausedWork {
    LogPosition run(LogPosition checkpoint) throws Exception;
  }

  /** Stops at once without handing the lease back, as a killed process would (for failover tests). */
  void crash() {
    running = false;
    keeper.interrupt();
    held = null;
    stopSubscription();
  }

  /** Stops projecting and hands the lease back, so another instance can take it at once. */
  @Override
  public void close() {
    running = false;
    keeper.interrupt();
    stopSubscription();
    synchronized (casLock) {
      ProjectionLease.State current = held;
      held = null;
      if (current != null) {
        try {
          lease.replace(current, current.position(), null, current.term(), current.beat() + 1);
        } catch (IOException | RuntimeException e) {
          LOG.fine(() -> "could not hand back the payments projection's lease: " + e);
        }
      }
    }
  }
}
