package io.esledger.analytics.projection;

import io.esledger.application.eventstore.BackgroundThreads;
import io.esledger.application.eventstore.EventStore;
import io.esledger.application.eventstore.EventStoreUnavailableException;
import io.esledger.application.eventstore.LogEntry;
import io.esledger.application.eventstore.LogFilter;
import io.esledger.application.eventstore.LogPage;
import io.esledger.application.eventstore.RecordedEvent;
import io.esledger.application.eventstore.StreamId;
import io.esledger.domain.model.payment.PaymentEvent;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;

/**
 * Keeps the {@code payments} read model from the event log, on the instance holding the
 * projection's lease ({@link LeasedSubscriber}). Rows carry the stream version as an external
 * version, so a page applied twice (a crash between rows and checkpoint, two holders during a
 * failover) changes nothing. An event that cannot be folded or whose row is refused is retried a few
 * times with back-off and then parked; an outage is retried until it ends.
 */
public final class PaymentsProjector extends LeasedSubscriber {

  private static final int PAGE = 500;
  private static final int ATTEMPTS = 4;
  private static final Duration FIRST_RETRY = Duration.ofMillis(200);

  private final PaymentsIndex index;
  private final PaymentsFold fold;

  PaymentsProjector(EventStore store, PaymentsIndex index, PaymentsFold fold, ProjectionLease lease,
      ParkedEvents parked, Clock clock) {
    this(store, index, fold, lease, parked, clock, BackgroundThreads.DAEMONS);
  }

  PaymentsProjector(EventStore store, PaymentsIndex index, PaymentsFold fold, ProjectionLease lease,
      ParkedEvents parked, Clock clock, ThreadFactory threads) {
    super(Projections.PAYMENTS, "payments projection", store, LogFilter.aggregateType(PaymentEvent.AGGREGATE_TYPE),
        PAGE, lease, parked, clock, threads);
    this.index = index;
    this.fold = fold;
  }

  /** Switches readers and writers to the rebuilt index the checkpoint names. */
  @Override
  protected void adopt(String concreteIndex) throws IOException {
    index.adopt(concreteIndex, this::step);
  }

  /** One page of the log: rows for its streams. */
  @Override
  protected void handle(LogPage page) throws Exception {
    index.ensureExists();
    Map<StreamId, List<LogEntry>> byStream = new LinkedHashMap<>();
    page.entries().forEach(e -> byStream.computeIfAbsent(e.event().stream(), s -> new ArrayList<>()).add(e));
    writeRows(byStream);
  }

  private void writeRows(Map<StreamId, List<LogEntry>> byStream) throws Exception {
    Map<String, StreamId> byPayment = new LinkedHashMap<>();
    Map<StreamId, PaymentSummary> rows = new LinkedHashMap<>();
    for (Map.Entry<StreamId, List<LogEntry>> stream : byStream.entrySet()) {
      foldWithRetries(stream.getKey(), stream.getValue()).ifPresent(row -> {
        rows.put(stream.getKey(), row);
        byPayment.put(row.rowId(), stream.getKey());
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
      pending = pending.stream().filter(row -> refused.containsKey(row.rowId())).toList();
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
      park(entry, reason);
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
}
