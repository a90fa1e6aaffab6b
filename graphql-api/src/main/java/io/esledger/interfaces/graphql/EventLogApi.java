package io.esledger.interfaces.graphql;

import static io.esledger.interfaces.graphql.errors.Errors.translated;

import io.esledger.application.eventstore.EventStore;
import io.esledger.application.eventstore.LogEntry;
import io.esledger.application.eventstore.LogFilter;
import io.esledger.application.eventstore.LogPage;
import io.esledger.application.eventstore.LogPosition;
import io.esledger.application.eventstore.LogSubscription;
import io.esledger.interfaces.graphql.errors.ApiException;
import io.esledger.interfaces.graphql.errors.ValidationFailedException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.esledger.interfaces.graphql.security.Caller;
import io.esledger.interfaces.graphql.security.Callers;
import io.esledger.interfaces.graphql.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import io.smallrye.graphql.api.Subscription;

/**
 * The event log for clients: a page of it, and a live subscription (graphql-transport-ws) that
 * catches up from a position and then follows the log, in log order, resumable by position.
 * Both need {@code payments:read} and hold only the caller's organization's events (operators: all);
 * positions still advance past the events left out, so resuming never re-reads them.
 */
@GraphQLApi
@ApplicationScoped
public class EventLogApi {

  static final int MAX_SUBSCRIPTIONS = 64;
  private static final int PAGE = 100;

  @Inject EventStore store;
  @Inject Callers callers;
  @Inject StoreReads reads;

  private final AtomicInteger open = new AtomicInteger();

  @Query
  @Description("A page of the event log after a position (none: from the start), in log order; next is where "
      + "to read on. Only durable events are read; none is ever skipped.")
  public @NonNull LogPageView eventLog(String after, LogFilterInput filter, @DefaultValue("100") int first)
      throws ApiException {
    String organization = callers.require(Role.PAYMENTS_READ).readScope(null);
    return translated("eventLog", () -> reads.read(() -> {
      if (first < 1 || first > 1000) {
        throw new ValidationFailedException("first", "between 1 and 1000");
      }
      LogPage page = store.readLog(position(after), LogFilterInput.toFilter(filter), first);
      return new LogPageView(views(page, position(after), organization), page.next().encode(), page.atHead());
    }));
  }

  @Subscription
  @Description("Events of the log after a position (none: from the start): history first, then live, in log "
      + "order. Each carries the position to resume from after it.")
  public Multi<LogEventView> events(String after, LogFilterInput filter) throws ApiException {
    String organization = callers.require(Role.PAYMENTS_READ).readScope(null);
    LogPosition from = translated("events", () -> position(after));
    LogFilter logFilter = LogFilterInput.toFilter(filter);
    return Multi.createFrom().emitter(emitter -> follow(emitter, from, logFilter, organization));
  }

  private void follow(MultiEmitter<? super LogEventView> emitter, LogPosition from, LogFilter filter,
      String organization) {
    if (open.incrementAndGet() > MAX_SUBSCRIPTIONS) {
      open.decrementAndGet();
      emitter.fail(new IllegalStateException("too many open event subscriptions (at most " + MAX_SUBSCRIPTIONS + ")"));
      return;
    }
    LogPosition[] at = {from};
    LogSubscription subscription = store.subscribe("graphql", from, filter, PAGE, page -> {
      for (LogEventView view : views(page, at[0], organization)) {
        while (emitter.requested() == 0) { // back-pressure: the log is read no faster than the client takes it
          if (emitter.isCancelled()) {
            throw new CancellationException("the client went away");
          }
          Thread.sleep(10);
        }
        emitter.emit(view);
      }
      at[0] = page.next();
    });
    emitter.onTermination(() -> {
      open.decrementAndGet();
      subscription.close();
    });
  }

  /**
   * Each event with the position to resume after it: past its commit once the commit's last event
   * is delivered, otherwise before the commit (so resuming never skips part of a commit). Events of
   * other organizations than {@code organization} (null: keep all) are left out.
   */
  private static List<LogEventView> views(LogPage page, LogPosition start, String organization) {
    List<LogEntry> entries = page.entries();
    java.util.ArrayList<LogEventView> views = new java.util.ArrayList<>(entries.size());
    LogPosition before = start;
    for (int i = 0; i < entries.size(); i++) {
      LogEntry e = entries.get(i);
      boolean lastOfCommit = i + 1 == entries.size() || entries.get(i + 1).partition() != e.partition()
          || entries.get(i + 1).seqNo() != e.seqNo();
      LogPosition after = lastOfCommit ? before.advance(e.partition(), e.seqNo()) : before;
      if (organization == null || organization.equals(e.event().metadata().organizationId())) {
        views.add(new LogEventView(after.encode(), StoredEventView.of(e.event())));
      }
      before = after;
    }
    return views;
  }

  private LogPosition position(String after) throws ValidationFailedException {
    if (after == null || after.isBlank()) {
      return store.logStart();
    }
    try {
      return LogPosition.parse(after);
    } catch (IllegalArgumentException e) {
      throw new ValidationFailedException("after", "not a log position (use one the log gave you)");
    }
  }
}
