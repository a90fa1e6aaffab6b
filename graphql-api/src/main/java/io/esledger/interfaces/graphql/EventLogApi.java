package io.esledger.interfaces.graphql;

import static io.esledger.interfaces.graphql.errors.Errors.translated;

import io.esledger.application.eventstore.EventStore;
import io.esledger.application.eventstore.LogEntry;
import io.esledger.application.eventstore.LogFilter;
import io.esledger.application.eventstore.LogPage;
import io.esledger.application.eventstore.LogPosition;
import io.esledger.application.eventstore.LogSubscription;
import io.esledger.interfaces.graphql.errors.ApiException;
import io.esledger.interfaces.graphql.errors.TooManySubscriptionsException;
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

  /**
   * Subscriptions one instance serves at once: each follows the log on a thread of its own and
   * polls it at the head (every 500 ms by default).
   */
  static final int MAX_SUBSCRIPTIONS = 128;
  /** Subscriptions one organization may hold open on one instance. */
  static final int MAX_SUBSCRIPTIONS_PER_ORGANIZATION = 16;
  private final java.util.Map<String, AtomicInteger> perOrganization = new java.util.concurrent.ConcurrentHashMap<>();
  private static final int PAGE = 100;

  @Inject EventStore store;
  @Inject Callers callers;
  @Inject StoreReads reads;

  private final AtomicInteger open = new AtomicInteger();

  @Query
  @Description("A page of the event log after a position (none: from the start), in log order; next is where "
      + "to read on. Only durable events are read; none is ever skipped.")
  public @NonNull LogPageView eventLog(String after, LogFilterInput filter, @DefaultValue("100") Integer first)
      throws ApiException {
    String organization = callers.require(Role.PAYMENTS_READ).readScope(null);
    return translated("eventLog", () -> reads.read(() -> {
      if (first == null || first < 1 || first > 1000) {
        throw new ValidationFailedException("first", "between 1 and 1000");
      }
      LogPosition from = position(after);
      LogPage page = store.readLog(from, LogFilterInput.toFilter(filter), first);
      if (page.entries().isEmpty() && after != null) {
        notAhead(from); // nothing after it: is that because it is past everything there is?
      }
      return new LogPageView(views(page, from, organization), page.next().encode(), page.atHead());
    }));
  }

  @Subscription
  @Description("Events of the log after a position (none: from the start): history first, then live, in log "
      + "order. Each carries the position to resume from after it.")
  public Multi<LogEventView> events(String after, LogFilterInput filter) throws ApiException {
    Caller caller = callers.require(Role.PAYMENTS_READ);
    String organization = caller.readScope(null);
    LogPosition from = translated("events", () -> {
      LogPosition position = position(after);
      if (after != null) {
        notAhead(position);
      }
      return position;
    });
    LogFilter logFilter = LogFilterInput.toFilter(filter);
    reserve(caller.organizationId());
    return Multi.createFrom().emitter(emitter -> follow(emitter, from, logFilter, organization, caller.organizationId()));
  }

  /**
   * Takes one of the instance's subscription slots and one of the caller's organization's, or refuses
   * with {@code TOO_MANY_SUBSCRIPTIONS}: one organization cannot hold every slot.
   */
  private void reserve(String callerOrganization) throws TooManySubscriptionsException {
    AtomicInteger ofOrganization = perOrganization.computeIfAbsent(callerOrganization, o -> new AtomicInteger());
    if (ofOrganization.incrementAndGet() > MAX_SUBSCRIPTIONS_PER_ORGANIZATION) {
      release(callerOrganization, false);
      throw new TooManySubscriptionsException("your organization has " + MAX_SUBSCRIPTIONS_PER_ORGANIZATION
          + " event subscriptions open (the most it may); close one first");
    }
    if (open.incrementAndGet() > MAX_SUBSCRIPTIONS) {
      release(callerOrganization, true);
      throw new TooManySubscriptionsException("this instance has " + MAX_SUBSCRIPTIONS
          + " event subscriptions open (the most it serves); retry later or on another instance");
    }
  }

  private void release(String callerOrganization, boolean instanceSlot) {
    if (instanceSlot) {
      open.decrementAndGet();
    }
    perOrganization.computeIfPresent(callerOrganization, (o, n) -> n.decrementAndGet() <= 0 ? null : n);
  }

  private void follow(MultiEmitter<? super LogEventView> emitter, LogPosition from, LogFilter filter,
      String organization, String callerOrganization) {
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
      release(callerOrganization, true);
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

  /**
   * A position ahead of the log's head was never given out by this log (hand-made, or from another
   * deployment's): refused, instead of an empty page or a subscription that waits for ever.
   */
  private void notAhead(LogPosition position) throws ValidationFailedException {
    if (!store.head().covers(position)) {
      throw new ValidationFailedException("after", "ahead of the log's head: not a position this log gave out");
    }
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
