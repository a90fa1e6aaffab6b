package io.esledger.application.eventstore;

import java.util.concurrent.ThreadFactory;

/**
 * Where the ledger's long-running background threads come from (group commit writers, log
 * subscriptions, lease keepers, rebuild writers). In the application server it is the container's
 * {@code ManagedThreadFactory} (Jakarta Concurrency): its threads carry the application's context
 * and are stopped with it. Tools and tests outside a container use {@link #DAEMONS}.
 */
public final class BackgroundThreads {

  /** Plain daemon threads, for use outside a container. */
  public static final ThreadFactory DAEMONS = work -> {
    Thread thread = new Thread(work);
    thread.setDaemon(true);
    return thread;
  };

  private BackgroundThreads() {}

  /** A new, unstarted thread of {@code factory} for {@code work}, named {@code name}. */
  public static Thread named(ThreadFactory factory, String name, Runnable work) {
    Thread thread = factory.newThread(work);
    thread.setName(name);
    return thread;
  }
}
