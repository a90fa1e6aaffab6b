package io.esledger.infrastructure.eventstore.elasticsearch;

import io.esledger.application.eventstore.BackgroundThreads;
import io.esledger.application.eventstore.LogFilter;
import io.esledger.application.eventstore.LogPage;
import io.esledger.application.eventstore.LogPosition;
import io.esledger.application.eventstore.LogSubscription;
import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads the log from a position on its own thread: pages of history as fast as the consumer takes
 * them, then, at the head, waits for news (an append in this process, or the poll interval for
 * appends made elsewhere). A failing read or consumer is retried with a growing pause; the
 * position only moves past a page the consumer accepted.
 */
final class CatchUpSubscription implements LogSubscription {

  private static final Logger LOG = Logger.getLogger(CatchUpSubscription.class.getName());
  private static final Duration FIRST_PAUSE = Duration.ofMillis(100);
  private static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);

  private final String name;
  private final EventLog log;
  private final LogFilter filter;
  private final int max;
  private final Consumer consumer;
  private final Duration pollInterval;
  private final Thread thread;
  private volatile LogPosition position;
  private volatile boolean open = true;

  CatchUpSubscription(String name, EventLog log, LogPosition after, LogFilter filter, int max, Consumer consumer,
      Duration pollInterval, ThreadFactory threads) {
    this.name = name;
    this.log = log;
    this.position = after;
    this.filter = filter;
    this.max = max;
    this.consumer = consumer;
    this.pollInterval = pollInterval;
    this.thread = BackgroundThreads.named(threads, "log-subscription-" + name, this::run);
    thread.start();
  }

  @Override
  public LogPosition position() {
    return position;
  }

  @Override
  public void close() {
    open = false;
    if (Thread.currentThread() == thread) {
      return; // closed by its own consumer: the loop ends when the consumer returns
    }
    thread.interrupt();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean running() {
    return open && thread.isAlive();
  }

  @Override
  public void wake() {
    log.nudge();
  }

  /**
   * Reads what is known searchable; at the head, waits to be woken (someone waits for a position)
   * or for the poll interval, then has the log refreshed (shared, rate-limited) and reads on. Under
   * a steady stream of appends this refreshes the event index once per poll interval, not once per
   * append.
   */
  private void run() {
    Duration pause = FIRST_PAUSE;
    while (open) {
      try {
        LogPage page = log.read(position, filter, max, false);
        if (!page.entries().isEmpty() || !page.next().equals(position)) {
          consumer.accept(page);
          position = page.next();
        }
        pause = FIRST_PAUSE;
        if (page.atHead()) {
          // caught up with what is searchable: the next refresh waits for the poll interval (or a waiter)
          log.awaitNews(pollInterval);
          log.refreshVisible();
        }
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        if (!open) {
          return;
        }
        Duration waited = pause;
        LOG.log(Level.WARNING, "subscription " + name + " at " + position + " failed; retrying in "
            + waited.toMillis() + " ms: " + e.getMessage(), LOG.isLoggable(Level.FINE) ? e : null);
        try {
          Thread.sleep(waited.toMillis());
        } catch (InterruptedException stop) {
          return;
        }
        pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
      }
    }
  }
}
