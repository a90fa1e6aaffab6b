package io.esledger.application.eventstore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The event store's contract in memory, for tests of what is built on it (handlers, aggregates,
 * projections) without Elasticsearch. One partition: every commit gets the next sequence number,
 * and the log is exactly the order of appends. Events pass through an {@link EventUpcaster} as they
 * are read, as in the real store. Thread-safe; nothing is persisted.
 */
public final class InMemoryEventStore implements EventStore {

  private final Map<StreamId, List<RecordedEvent>> streams = new HashMap<>();
  private final Map<String, RecordedEvent> byId = new HashMap<>();
  private final List<List<RecordedEvent>> commits = new ArrayList<>();
  private final Consumer<AppendResult> publisher;
  private final EventUpcaster upcaster;
  private final Duration poll;

  public InMemoryEventStore() {
    this(result -> {}, EventUpcaster.NONE);
  }

  /** Acknowledged appends go to {@code publisher}; events are read through {@code upcaster}. */
  public InMemoryEventStore(Consumer<AppendResult> publisher, EventUpcaster upcaster) {
    this.publisher = publisher;
    this.upcaster = upcaster;
    this.poll = Duration.ofMillis(50);
  }

  @Override
  public AppendResult append(StreamId stream, ExpectedVersion expected, List<NewEvent> events) {
    AppendResult result;
    synchronized (this) {
      result = store(stream, expected, events);
      notifyAll(); // subscriptions waiting at the head
    }
    publisher.accept(result);
    return result;
  }

  @Override
  public List<AppendOutcome> appendAll(List<AppendRequest> requests) {
    List<AppendOutcome> outcomes = new ArrayList<>();
    for (AppendRequest request : requests) {
      try {
        outcomes.add(AppendOutcome.stored(append(request.stream(), request.expected(), request.events())));
      } catch (RuntimeException refused) {
        outcomes.add(AppendOutcome.refused(refused));
      }
    }
    return outcomes;
  }

  private AppendResult store(StreamId stream, ExpectedVersion expected, List<NewEvent> events) {
    if (events == null || events.isEmpty()) {
      throw new IllegalArgumentException("an append needs at least one event");
    }
    List<RecordedEvent> history = streams.getOrDefault(stream, List.of());
    if (history.size() != expected.value()) {
      throw new WrongExpectedVersionException(stream, expected, history.size());
    }
    List<RecordedEvent> commit = new ArrayList<>();
    for (NewEvent e : events) {
      if (byId.containsKey(e.eventId())) {
        throw new IllegalArgumentException("event id " + e.eventId() + " is already stored");
      }
      commit.add(new RecordedEvent(e.eventId(), stream, expected.value() + commit.size() + 1, e.eventType(),
          e.schemaVersion(), e.data(), e.timestamp(), e.metadata()));
    }
    List<RecordedEvent> grown = new ArrayList<>(history);
    grown.addAll(commit);
    streams.put(stream, List.copyOf(grown));
    commit.forEach(e -> byId.put(e.eventId(), e));
    commits.add(List.copyOf(commit));
    return new AppendResult(stream, grown.size(), List.copyOf(commit));
  }

  @Override
  public synchronized List<RecordedEvent> read(StreamId stream, int fromVersion) {
    return streams.getOrDefault(stream, List.of()).stream()
        .filter(e -> e.version() >= fromVersion).map(upcaster::upcast).toList();
  }

  @Override
  public synchronized Map<StreamId, List<RecordedEvent>> readAll(List<StreamId> streamIds) {
    Map<StreamId, List<RecordedEvent>> histories = new LinkedHashMap<>();
    streamIds.forEach(s -> histories.put(s, read(s, 1)));
    return histories;
  }

  @Override
  public synchronized Optional<RecordedEvent> findEvent(String eventId) {
    return Optional.ofNullable(byId.get(eventId)).map(upcaster::upcast);
  }

  @Override
  public synchronized LogPage readLog(LogPosition after, LogFilter filter, int max) {
    List<LogEntry> entries = new ArrayList<>();
    int next = (int) after.seqNo(0) + 1;
    while (next < commits.size() && entries.size() < max) {
      for (RecordedEvent e : commits.get(next)) {
        if (filter.matches(e)) {
          entries.add(new LogEntry(0, next, upcaster.upcast(e)));
        }
      }
      next++;
    }
    return new LogPage(entries, LogPosition.of(next - 1), next >= commits.size());
  }

  @Override
  public LogSubscription subscribe(String name, LogPosition after, LogFilter filter, int max,
      LogSubscription.Consumer consumer) {
    return new Subscription(name, after, filter, max, consumer);
  }

  @Override
  public synchronized LogPosition head() {
    return LogPosition.of(commits.size() - 1);
  }

  private final String logId = java.util.UUID.randomUUID().toString();

  @Override
  public String logId() {
    return logId;
  }

  @Override
  public LogPosition logStart() {
    return LogPosition.start(1);
  }

  @Override
  public LogPosition acknowledgedThrough() {
    return head();
  }

  /** Reads the log on its own thread: history, then whatever is appended, a page at a time. */
  private final class Subscription implements LogSubscription {

    private final Thread reader;
    private volatile LogPosition position;
    private volatile boolean open = true;

    Subscription(String name, LogPosition after, LogFilter filter, int max, LogSubscription.Consumer consumer) {
      this.position = after;
      this.reader = new Thread(() -> run(filter, max, consumer), "in-memory-subscription-" + name);
      reader.setDaemon(true);
      reader.start();
    }

    private void run(LogFilter filter, int max, LogSubscription.Consumer consumer) {
      while (open) {
        LogPage page = readLog(position, filter, max);
        if (!page.entries().isEmpty() || !page.next().equals(position)) {
          try {
            consumer.accept(page);
            position = page.next();
          } catch (Exception retried) {
            backOff(); // the same page again
            continue;
          }
        }
        if (page.atHead()) {
          pause();
        }
      }
    }

    private void backOff() {
      try {
        Thread.sleep(poll.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        open = false;
      }
    }

    private void pause() {
      synchronized (InMemoryEventStore.this) {
        if (open && head().equals(position)) {
          try {
            InMemoryEventStore.this.wait(poll.toMillis());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            open = false;
          }
        }
      }
    }

    @Override
    public LogPosition position() {
      return position;
    }

    @Override
    public void wake() {
      synchronized (InMemoryEventStore.this) {
        InMemoryEventStore.this.notifyAll();
      }
    }

    @Override
    public boolean running() {
      return open && reader.isAlive();
    }

    @Override
    public void close() {
      open = false;
      wake();
      if (Thread.currentThread() != reader) {
        try {
          reader.join(5_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }
}
