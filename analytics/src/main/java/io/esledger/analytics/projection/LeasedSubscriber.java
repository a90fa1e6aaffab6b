package io.esledger.analytics.projection;

import io.esledger.application.eventstore.BackgroundThreads;
import io.esledger.application.eventstore.EventStore;
import io.esledger.application.eventstore.LogEntry;
import io.esledger.application.eventstore.LogFilter;
import io.esledger.application.eventstore.LogPage;
import io.esledger.application.eventstore.LogPosition;
import io.esledger.application.eventstore.LogSubscription;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Something that follows the event log from a durable checkpoint on exactly one app instance at a
 * time: the instance holding its lease ({@link ProjectionLease}) runs one catch-up subscription from
 * the stored checkpoint — the same code path for start-up catch-up and live updates — hands each
 * page to {@link #handle}, then moves the checkpoint (a compare-and-set that also fences a deposed
 * holder). Another instance takes over when the holder stops renewing. Because a page may be handed
 * over again (a crash between its effects and the checkpoint, two holders during a failover), what
 * {@link #handle} does must be idempotent. Projections and process managers are built on it.
 */
public abstract class LeasedSubscriber implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(LeasedSubscriber.class.getName());
  static final Duration LEASE_TIME = Duration.ofSeconds(8);
  private static final Duration RENEW_EVERY = Duration.ofSeconds(2);
  private static final Duration CONTEND_EVERY = Duration.ofSeconds(1);

  private final String instance = UUID.randomUUID().toString();
  private final String name;
  private final String label;
  private final ParkedEvents parked;
  private final AtomicLong parkedCount = new AtomicLong();
  private final ThreadFactory threads;
  private final LogFilter filter;
  private final int pageSize;
  protected final EventStore store;
  private final ProjectionLease lease;
  protected final Clock clock;
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
  private volatile boolean running = true;

  /**
   * @param name the subscription's name (also its lease document's id)
   * @param label how logs call it, e.g. "payments projection"
   */
  LeasedSubscriber(String name, String label, EventStore store, LogFilter filter, int pageSize,
      ProjectionLease lease, ParkedEvents parked, Clock clock, ThreadFactory threads) {
    this.parked = parked;
    this.threads = threads;
    this.name = name;
    this.label = label;
    this.store = store;
    this.filter = filter;
    this.pageSize = pageSize;
    this.lease = lease;
    this.clock = clock;
    this.keeper = BackgroundThreads.named(threads, name + "-lease", this::keepLease);
  }

  /** Does what one page of the log calls for; throwing gets the same page again after a back-off. */
  protected abstract void handle(LogPage page) throws Exception;

  /**
   * Sets an event aside that this subscriber gave up on, with the reason, for an operator
   * ({@code <prefix>projections-parked}, under this subscriber's name), and logs it; the
   * subscription goes on past it.
   */
  protected final void park(LogEntry entry, String reason) throws IOException {
    LOG.warning(() -> label + " parks " + entry.event().stream() + " v" + entry.event().version() + " (event "
        + entry.event().eventId() + "): " + reason);
    parked.park(name, entry, reason, clock.instant());
    parkedCount.incrementAndGet();
  }

  /** Events parked by this instance since it started. */
  public long parkedCount() {
    return parkedCount.get();
  }

  /** The most recently parked events, by any instance. */
  public List<ParkedEvents.Parked> parked(int max) throws IOException {
    return parked.recent(name, max);
  }

  /** Where its threads come from (the container's managed thread factory in the application). */
  final ThreadFactory threads() {
    return threads;
  }

  /** The label logs use. */
  protected final String label() {
    return label;
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

  /**
   * Operations between the checkpoint and the log's head (a count of log operations, not only the
   * events it follows); 0 when caught up.
   */
  public long backlog() {
    LogPosition applied = checkpoint();
    LogPosition head = store.head();
    long behind = 0;
    for (int p = 0; p < head.partitions(); p++) {
      behind += Math.max(0, head.seqNo(p) - (applied == null ? -1 : applied.seqNo(p)));
    }
    return behind;
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

  /**
   * Waits until the read model's checkpoint covers {@code position} (on this instance, or — when
   * another instance holds the projection — as its stored checkpoint says).
   */
  public boolean awaitApplied(LogPosition position, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      LogPosition known = appliedThrough;
      if (known != null && known.covers(position) && appliedToThisLog()) {
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
        if (known != null && known.covers(position) && appliedToThisLog()) {
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
      lease.read().filter(this::ofThisLog).filter(state -> state.position() != null)
          .ifPresent(state -> applied(state.position(), state.log()));
    } catch (IOException | RuntimeException e) {
      LOG.fine(() -> "could not read the " + label + "'s checkpoint: " + e);
    }
  }

  /** The checkpoint moved to {@code position} of log {@code log}; a position of another log replaces the old one. */
  private void applied(LogPosition position, String log) {
    synchronized (appliedMonitor) {
      boolean sameLog = appliedLog == null || log == null || appliedLog.equals(log);
      appliedThrough = appliedThrough == null || !sameLog ? position : appliedThrough.max(position);
      if (log != null) {
        appliedLog = log;
      }
      appliedMonitor.notifyAll();
    }
  }

  /** The log {@link #appliedThrough} belongs to (null: not known yet). */
  private volatile String appliedLog;

  /** Whether the checkpoint known here is one of the log the store has now. */
  private boolean appliedToThisLog() {
    return isCurrentLog(appliedLog);
  }

  /** Whether {@code log} is the one the store has now (unknown, null: assumed so). */
  private boolean isCurrentLog(String log) {
    return log == null || log.equals(store.logId());
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
            lease.create(instance, store.logStart(), store.logId()).ifPresent(this::becomeHolder);
          } else {
            ProjectionLease.State state = doc.get();
            if (state.position() != null && ofThisLog(state)) {
              applied(state.position(), state.log());
            }
            if (state.free()) {
              takeOver(state, "it was free");
            } else if (instance.equals(state.holder())) {
              // names this instance, which does not hold it: restored from a snapshot, or rewritten
              // under it; no other instance is running it, so there is nothing to wait for
              takeOver(state, "the lease names this instance, which had lost it");
            } else if (!state.sameVersion(seen)) {
              seen = state;
              seenSince = System.nanoTime();
            } else if (System.nanoTime() - seenSince > LEASE_TIME.toNanos()) {
              takeOver(state, "holder " + state.holder() + " did not renew for " + LEASE_TIME.toSeconds() + " s");
            }
          }
        } else if (!ofThisLog(held)) {
          handBack("the event log was replaced: its checkpoint belongs to the old one");
        } else {
          renew();
        }
      } catch (IOException | RuntimeException e) {
        if (held != null && System.nanoTime() - lastRenewed > LEASE_TIME.minus(RENEW_EVERY).toNanos()) {
          stepDown("could not renew its lease: " + e.getMessage());
        } else {
          LOG.log(Level.FINE, label + " lease: " + e.getMessage(), e);
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
    String log = store.logId();
    boolean replaced = !ofThisLog(state);
    // a checkpoint of a log since replaced is void: start the new log from its beginning
    LogPosition from = replaced ? store.logStart() : state.position();
    lease.replace(state, from, state.index(), log, instance, state.term() + 1, 0).ifPresent(taken -> {
      LOG.info(() -> label + ": instance " + instance + " takes over (" + why + ")");
      if (replaced) {
        LOG.warning(() -> label + ": the checkpoint " + state.position() + " belongs to an event log since replaced "
            + "(restored or created again); starting over from the beginning of the new one");
      }
      becomeHolder(taken);
      if (replaced) {
        try {
          onLogReplaced.run();
        } catch (RuntimeException e) {
          LOG.warning(() -> label + ": after the event log was replaced: " + e);
        }
      }
    });
  }

  /** Whether the document's checkpoint is a position of the log the store has now (unknown: assumed so). */
  private boolean ofThisLog(ProjectionLease.State state) {
    return state == null || isCurrentLog(state.log());
  }

  private volatile Runnable onLogReplaced = () -> {};

  /** What runs when this instance took the lease over with a checkpoint of a replaced log (a rebuild, for a read model). */
  void onLogReplaced(Runnable action) {
    this.onLogReplaced = action;
  }

  /** Steps down and frees the lease at once, so that it is taken over (by any instance) within a second. */
  private void handBack(String why) throws IOException {
    synchronized (casLock) {
      ProjectionLease.State current = held;
      if (current != null) {
        lease.replace(current, current.position(), null, current.term(), current.beat() + 1);
      }
    }
    stepDown(why);
  }

  private void becomeHolder(ProjectionLease.State state) {
    LogPosition from = state.position() == null ? store.logStart() : state.position();
    if (state.index() != null) {
      try {
        adopt(state.index()); // a swap may have been cut short after its checkpoint: finish it first
      } catch (IOException | RuntimeException e) {
        LOG.warning(() -> label + ": could not switch to " + state.index() + " (" + e + "); not projecting for now");
        return; // the lease lapses (nobody renews it) and is taken again, by this instance or another
      }
    }
    lastRenewed = System.nanoTime();
    held = state;
    applied(from, state.log());
    LOG.info(() -> label + " runs on instance " + instance + " (term " + state.term() + ") from " + from);
    subscription = store.subscribe(name, from, filter, pageSize, this::apply);
    try {
      onHolding.run();
    } catch (RuntimeException e) {
      LOG.warning(() -> label + ": after taking the lease: " + e);
    }
  }

  private volatile Runnable onHolding = () -> {};

  /** What runs on the lease keeper's thread each time this instance has become the holder; must not block long. */
  void onHolding(Runnable action) {
    this.onHolding = action;
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
      LOG.warning(() -> label + " stops on instance " + instance + ": " + why);
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

  /** One page of the log: its effects, then the checkpoint (fenced by the lease). */
  private void apply(LogPage page) throws Exception {
    applying.lockInterruptibly();
    try {
      if (held == null) {
        throw new IllegalStateException("the " + label + "'s lease was lost");
      }
      if (!ofThisLog(held)) {
        throw new IllegalStateException("the event log was replaced under the " + label);
      }
      handle(page);
      checkpoint(page.next());
      Instant appliedAt = clock.instant();
      page.entries().forEach(e -> lag.record(e.event().timestamp(), appliedAt));
    } finally {
      applying.unlock();
    }
  }

  private void checkpoint(LogPosition next) throws IOException {
    moveCheckpoint(next, null);
    applied(next, held == null ? null : held.log());
  }

  /**
   * Compare-and-set of the checkpoint (and, when {@code index} is not null, of the read model's
   * index with it); a failure means another instance holds the lease now.
   */
  private void moveCheckpoint(LogPosition next, String index) throws IOException {
    synchronized (casLock) {
      ProjectionLease.State current = held;
      if (current == null) {
        throw new LeaseLostException("the " + label + "'s lease was lost");
      }
      Optional<ProjectionLease.State> saved = lease.replace(current, next,
          index == null ? current.index() : index, current.log() == null ? store.logId() : current.log(), instance,
          current.term(), current.beat() + 1);
      if (saved.isEmpty()) {
        held = null; // fenced: another instance took over; the lease keeper stops this subscription
        throw new LeaseLostException("the " + label + "'s lease was taken by another instance");
      }
      held = saved.get();
      lastRenewed = System.nanoTime();
    }
  }

  /** This instance no longer holds the lease it was working under. */
  static final class LeaseLostException extends IllegalStateException {
    LeaseLostException(String message) {
      super(message);
    }
  }

  /**
   * Runs {@code work} while this instance's projection is paused between pages (a rebuild finishes
   * and swaps indices in it). {@code work} gets the checkpoint and returns the new one, with the
   * index the read model lives in from then on. The swap is fenced by the lease: one
   * compare-and-set moves the checkpoint and names the new index — if the lease was lost meanwhile
   * it fails, nothing was switched, and {@link LeaseLostException} says so; only after it succeeded
   * does {@link #adopt} switch readers to the new index. A holder that takes over later adopts the
   * index the document names before it projects, so a swap cut short after its compare-and-set is
   * finished by whoever holds the lease next. The subscription then resumes at the new checkpoint.
   */
  LogPosition whilePaused(PausedWork work) throws Exception {
    applying.lockInterruptibly();
    try {
      ProjectionLease.State current = held;
      if (current == null) {
        throw new IllegalStateException("the " + label + " runs on another instance; send the rebuild there");
      }
      Handover handover = work.run(current.position() == null ? store.logStart() : current.position());
      step("loaded");
      moveCheckpoint(handover.position(), handover.index());
      step("checkpointed");
      if (handover.index() != null) {
        try {
          adopt(handover.index());
        } catch (IOException | RuntimeException e) {
          // the lease document names the new index, the readers' alias does not yet: projecting on
          // would write into the old one. Stop; whoever takes the lease next adopts the index first
          held = null;
          stopSubscription();
          throw new SwapUnfinishedException("the checkpoint names " + handover.index() + " but switching to it "
              + "failed (" + e.getMessage() + "); the next holder of the " + label + " finishes the switch", e);
        }
      }
      ProjectionLease.State now = held;
      applied(handover.position(), now == null ? null : now.log());
      resumeAt(handover.position());
      return handover.position();
    } finally {
      applying.unlock();
    }
  }

  /** A swap whose compare-and-set succeeded but whose switch of readers did not finish here. */
  static final class SwapUnfinishedException extends IllegalStateException {
    SwapUnfinishedException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Restarts the log subscription at {@code next}, the checkpoint paused work has just set: the one
   * running still reads from where it was, and its next page would move the checkpoint back behind
   * what the work covered. Called holding {@link #applying}: the old subscription is between pages
   * or waiting for the lock, and closing it interrupts that wait.
   */
  private void resumeAt(LogPosition next) {
    LogSubscription old = subscription;
    if (old == null) {
      return;
    }
    old.close();
    if (held != null && running && subscription == old) {
      subscription = store.subscribe(name, next, filter, pageSize, this::apply);
    }
  }

  /** What paused work hands back: the new checkpoint, and the read model's index from then on (or null). */
  record Handover(LogPosition position, String index) {}

  /** Work done while the projection is paused. */
  @FunctionalInterface
  interface PausedWork {
    Handover run(LogPosition checkpoint) throws Exception;
  }

  /**
   * Makes {@code index} the one the read model is read from and written to (the lease document names
   * it); called by a swap after its compare-and-set, and by a new holder before it projects.
   */
  protected void adopt(String index) throws IOException {}

  private volatile java.util.function.Consumer<String> steps = s -> {};

  /** Test hook: told each step of a swap ("loaded", "checkpointed", and what {@link #adopt} reports). */
  void onStep(java.util.function.Consumer<String> steps) {
    this.steps = steps;
  }

  protected final void step(String name) {
    steps.accept(name);
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
          LOG.fine(() -> "could not hand back the " + label + "'s lease: " + e);
        }
      }
    }
  }
}
