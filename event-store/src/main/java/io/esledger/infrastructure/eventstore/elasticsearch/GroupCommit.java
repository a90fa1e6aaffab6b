package io.esledger.infrastructure.eventstore.elasticsearch;

import io.esledger.application.eventstore.AppendOutcome;
import io.esledger.application.eventstore.AppendRequest;
import io.esledger.application.eventstore.BackgroundThreads;
import io.esledger.application.eventstore.EventStoreUnavailableException;
import io.esledger.infrastructure.elasticsearch.CallerContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;

/**
 * Group commit: appends that arrive while earlier ones are in flight are sent together as one
 * {@code _bulk} request. Each stays create-guarded on its own stream, so a conflict fails only its
 * own append. A lone writer waits for nobody: a flusher takes its append at once.
 */
final class GroupCommit implements AutoCloseable {

  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Function<List<AppendRequest>, List<AppendOutcome>> writer;
  private final int maxBatch;
  private final long maxQueueNanos;
  private final List<Thread> flushers = new ArrayList<>();
  private volatile boolean open = true;
  private volatile CallerContext context = CallerContext.NONE;

  /**
   * @param flushers how many bulk requests may be in flight at once
   * @param maxBatch the most appends one request carries
   * @param maxQueueWait an append that waited longer than this for a flusher (both were stuck on an
   *     unresponsive cluster) is refused unsent instead of queueing on: nothing of it was stored
   */
  GroupCommit(Function<List<AppendRequest>, List<AppendOutcome>> writer, int flushers, int maxBatch,
      Duration maxQueueWait) {
    this(writer, flushers, maxBatch, maxQueueWait, BackgroundThreads.DAEMONS);
  }

  /** @param threads where the flusher threads come from */
  GroupCommit(Function<List<AppendRequest>, List<AppendOutcome>> writer, int flushers, int maxBatch,
      Duration maxQueueWait, ThreadFactory threads) {
    this.writer = writer;
    this.maxBatch = maxBatch;
    this.maxQueueNanos = maxQueueWait.toNanos();
    for (int i = 0; i < flushers; i++) {
      Thread flusher = BackgroundThreads.named(threads, "event-store-group-commit-" + i, this::flush);
      flusher.start();
      this.flushers.add(flusher);
    }
  }

  /** Open, and every flusher thread still running. */
  boolean alive() {
    return open && flushers.stream().allMatch(Thread::isAlive);
  }

  /**
   * What of a caller's thread (its trace context) the writer thread takes on while it sends the
   * caller's append: a batch is sent in the context of its first append.
   */
  void carry(CallerContext context) {
    this.context = context == null ? CallerContext.NONE : context;
  }

  AppendOutcome submit(AppendRequest request) {
    if (!open) {
      throw new IllegalStateException("the event store is closed");
    }
    Pending pending = new Pending(request, new CompletableFuture<>(), new AtomicBoolean(), context.capture());
    queue.add(pending);
    try {
      return pending.outcome().get(maxQueueNanos, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      if (pending.claimed().compareAndSet(false, true)) {
        // no flusher took it (both are stuck on an unresponsive cluster): it was never sent
        queue.remove(pending);
        return notSent();
      }
      return pending.outcome().join(); // in flight: its answer (or its unknown outcome) comes
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      if (pending.claimed().compareAndSet(false, true)) {
        queue.remove(pending);
        return notSent();
      }
      return pending.outcome().join();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  private void flush() {
    List<Pending> batch = new ArrayList<>(maxBatch);
    while (open) {
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        return;
      }
      queue.drainTo(batch, maxBatch - 1);
      batch.removeIf(p -> !p.claimed().compareAndSet(false, true)); // its writer gave up waiting for a flusher
      if (batch.isEmpty()) {
        continue;
      }
      try (CallerContext.Restored bound = context.restore(batch.get(0).callerContext())) {
        List<AppendOutcome> outcomes = writer.apply(batch.stream().map(Pending::request).toList());
        for (int i = 0; i < batch.size(); i++) {
          batch.get(i).outcome().complete(outcomes.get(i));
        }
      } catch (RuntimeException e) {
        batch.forEach(p -> p.outcome().complete(AppendOutcome.refused(e)));
      }
      batch.clear();
    }
  }

  @Override
  public void close() {
    open = false;
    flushers.forEach(Thread::interrupt);
    queue.forEach(p -> p.outcome().complete(AppendOutcome.refused(new IllegalStateException("the event store is closed"))));
  }

  private AppendOutcome notSent() {
    return AppendOutcome.refused(new EventStoreUnavailableException("Elasticsearch did not take appends for "
        + TimeUnit.NANOSECONDS.toSeconds(maxQueueNanos) + " s; this one was not sent (nothing stored)", null));
  }

  private record Pending(AppendRequest request, CompletableFuture<AppendOutcome> outcome,
      AtomicBoolean claimed, Object callerContext) {}
}
