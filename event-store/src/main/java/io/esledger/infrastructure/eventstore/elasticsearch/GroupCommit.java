package io.esledger.infrastructure.eventstore.elasticsearch;

import io.esledger.application.eventstore.AppendOutcome;
import io.esledger.application.eventstore.AppendRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
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
  private final List<Thread> flushers = new ArrayList<>();
  private volatile boolean open = true;

  /**
   * @param flushers how many bulk requests may be in flight at once
   * @param maxBatch the most appends one request carries
   */
  GroupCommit(Function<List<AppendRequest>, List<AppendOutcome>> writer, int flushers, int maxBatch) {
    this.writer = writer;
    this.maxBatch = maxBatch;
    for (int i = 0; i < flushers; i++) {
      Thread flusher = new Thread(this::flush, "event-store-group-commit-" + i);
      flusher.setDaemon(true);
      flusher.start();
      this.flushers.add(flusher);
    }
  }

  AppendOutcome submit(AppendRequest request) {
    if (!open) {
      throw new IllegalStateException("the event store is closed");
    }
    Pending pending = new Pending(request, new CompletableFuture<>());
    queue.add(pending);
    return pending.outcome().join();
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
      try {
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

  private record Pending(AppendRequest request, CompletableFuture<AppendOutcome> outcome) {}
}
