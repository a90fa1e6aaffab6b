package io.esledger.infrastructure.eventstore.elasticsearch;

import io.esledger.infrastructure.elasticsearch.ElasticsearchClients;
import static org.assertj.core.api.Assertions.assertThat;

import io.esledger.application.eventstore.ExpectedVersion;
import io.esledger.application.eventstore.LogEntry;
import io.esledger.application.eventstore.LogFilter;
import io.esledger.application.eventstore.LogPage;
import io.esledger.application.eventstore.LogPosition;
import io.esledger.application.eventstore.LogSubscription;
import io.esledger.application.eventstore.NewEvent;
import io.esledger.application.eventstore.RecordedEvent;
import io.esledger.application.eventstore.StreamId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The event index read as a log, on three shards (three partitions), against a real node. */
class EventLogIT extends ElasticsearchNodeSupport {

  @Override
  protected int shards() {
    return 3;
  }

  @Test
  void a_stream_is_on_the_shard_elasticsearch_routes_it_to() throws Exception {
    index.ensureExists();
    ShardRouting routing = new EventLog(client, index, new EventDocuments(ElasticsearchClients.objectMapper()),
        java.time.Duration.ZERO).routing();
    for (int i = 0; i < 100; i++) {
      String stream = "Payment:payment-" + i + (i % 7 == 0 ? "-é€" : "");
      int expected = client.searchShards(s -> s.index(index.name()).routing(stream)).shards().get(0).get(0).shard();
      assertThat(routing.shardOf(stream)).as(stream).isEqualTo(expected);
    }
  }

  @Test
  void the_log_holds_every_commit_of_concurrent_writers_once_in_order_within_each_partition() throws Exception {
    ExecutorService writers = Executors.newFixedThreadPool(8);
    List<Future<?>> done = new ArrayList<>();
    for (int w = 0; w < 8; w++) {
      int writer = w;
      done.add(writers.submit(() -> {
        for (int s = 0; s < 25; s++) {
          StreamId stream = new StreamId("Tested", "w" + writer + "-s" + s);
          store.append(stream, ExpectedVersion.NO_STREAM, events(1 + s % 3, "a" + s));
          store.append(stream, ExpectedVersion.exactly(1 + s % 3), events(1, "b" + s));
        }
        return null;
      }));
    }
    for (Future<?> f : done) {
      f.get(60, TimeUnit.SECONDS);
    }
    writers.shutdown();

    List<LogEntry> log = readToHead(store.logStart(), LogFilter.all());

    int perWriter = IntStream.range(0, 25).map(s -> 1 + s % 3 + 1).sum();
    assertThat(log).hasSize(8 * perWriter);
    assertThat(log).extracting(e -> e.event().eventId()).doesNotHaveDuplicates();
    Map<Integer, Long> lastSeqNo = new HashMap<>();
    Map<StreamId, Integer> lastVersion = new HashMap<>();
    for (LogEntry entry : log) {
      assertThat(entry.seqNo()).isGreaterThanOrEqualTo(lastSeqNo.getOrDefault(entry.partition(), -1L));
      lastSeqNo.put(entry.partition(), entry.seqNo());
      RecordedEvent event = entry.event();
      assertThat(event.version()).as("%s follows its stream", event.stream())
          .isEqualTo(lastVersion.getOrDefault(event.stream(), 0) + 1);
      lastVersion.put(event.stream(), event.version());
    }
    assertThat(lastSeqNo.keySet()).as("three partitions in use").hasSize(3);
    assertThat(store.head().covers(store.acknowledgedThrough())).isTrue();
  }

  @Test
  void a_multi_event_commit_is_delivered_whole_and_filters_apply_to_each_event() {
    StreamId stream = new StreamId("Tested", "multi");
    List<NewEvent> commit = List.of(typed("Opened"), typed("Charged"), typed("Closed"));
    store.append(stream, ExpectedVersion.NO_STREAM, commit);
    store.append(new StreamId("Other", "x"), ExpectedVersion.NO_STREAM, List.of(typed("Charged")));

    List<LogEntry> all = readToHead(store.logStart(), LogFilter.all());
    List<LogEntry> charged = readToHead(store.logStart(), new LogFilter(Set.of("Tested"), Set.of("Charged")));

    assertThat(all).hasSize(4);
    assertThat(all.subList(0, 3)).extracting(LogEntry::seqNo).containsOnly(all.get(0).seqNo());
    assertThat(charged).singleElement().satisfies(e -> {
      assertThat(e.event().eventType()).isEqualTo("Charged");
      assertThat(e.event().stream()).isEqualTo(stream);
      assertThat(e.event().version()).isEqualTo(2);
    });
  }

  @Test
  void reading_on_from_a_page_position_neither_repeats_nor_skips() {
    for (int i = 0; i < 60; i++) {
      store.append(new StreamId("Tested", "s" + i), ExpectedVersion.NO_STREAM, events(1, "c" + i));
    }
    Set<String> seen = new HashSet<>();
    LogPosition at = store.logStart();
    int pages = 0;
    while (true) {
      LogPage page = store.readLog(at, LogFilter.all(), 7);
      page.entries().forEach(e -> assertThat(seen.add(e.event().eventId())).isTrue());
      at = LogPosition.parse(page.next().encode()); // positions survive their text form
      pages++;
      if (page.atHead()) {
        break;
      }
    }
    assertThat(seen).hasSize(60);
    assertThat(pages).isGreaterThan(3);
  }

  @Test
  void a_subscription_delivers_history_then_live_appends_in_order() throws Exception {
    for (int i = 0; i < 20; i++) {
      store.append(new StreamId("Tested", "s" + i % 4), ExpectedVersion.exactly(i / 4), events(1, "h" + i));
    }
    List<LogEntry> received = new CopyOnWriteArrayList<>();
    try (LogSubscription subscription = store.subscribe("test", store.logStart(), LogFilter.all(), 5,
        page -> received.addAll(page.entries()))) {
      for (int i = 20; i < 40; i++) {
        store.append(new StreamId("Tested", "s" + i % 4), ExpectedVersion.exactly(i / 4), events(1, "l" + i));
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (received.size() < 40 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      // the subscription's position covers every delivered commit, and is past the start
      LogEntry last = received.get(received.size() - 1);
      assertThat(subscription.position().covers(store.logStart().advance(last.partition(), last.seqNo()))).isTrue();
      assertThat(subscription.position()).isNotEqualTo(store.logStart());
    }
    assertThat(received).hasSize(40);
    for (int s = 0; s < 4; s++) {
      StreamId stream = new StreamId("Tested", "s" + s);
      assertThat(received.stream().filter(e -> e.event().stream().equals(stream)).map(e -> e.event().version()))
          .containsExactlyElementsOf(IntStream.rangeClosed(1, 10).boxed().toList());
    }
  }

  @Test
  void an_event_just_appended_is_found_by_its_id_and_an_unknown_id_is_not() {
    // the index refreshes every 60 s: only a lookup that makes it current finds the event
    String eventId = store.append(new StreamId("Tested", "found"), ExpectedVersion.NO_STREAM, events(1, "f"))
        .events().get(0).eventId();

    assertThat(store.findEvent(eventId)).get().extracting(RecordedEvent::eventId).isEqualTo(eventId);
    assertThat(store.findEvent("no-such-event")).isEmpty();
  }

  private List<LogEntry> readToHead(LogPosition from, LogFilter filter) {
    List<LogEntry> entries = new ArrayList<>();
    LogPosition at = from;
    while (true) {
      LogPage page = store.readLog(at, filter, 50);
      entries.addAll(page.entries());
      at = page.next();
      if (page.atHead()) {
        return entries;
      }
    }
  }

  private static NewEvent typed(String type) {
    NewEvent e = event("typed", 0);
    return new NewEvent(e.eventId(), type, e.data(), e.timestamp(), e.metadata());
  }

  @Test
  void an_event_index_deleted_and_created_again_is_a_new_log_and_the_store_starts_over_with_it() throws Exception {
    StreamId old = new StreamId("Tested", "before-the-delete");
    for (int v = 0; v < 3; v++) {
      store.append(old, ExpectedVersion.exactly(v), events(1, "old" + v));
    }
    String before = store.logId();
    assertThat(highest(store.acknowledgedThrough())).isEqualTo(2);

    client.indices().delete(d -> d.index(index.name()));
    // the next look at the log's head notices (that one call fails: it read a log that is gone)
    org.assertj.core.api.Assertions.assertThatThrownBy(store::head)
        .isInstanceOf(io.esledger.application.eventstore.EventStoreUnavailableException.class);
    StreamId fresh = new StreamId("Tested", "after-the-delete");
    store.append(fresh, ExpectedVersion.NO_STREAM, events(1, "new"));

    assertThat(store.logId()).as("a new log").isNotEqualTo(before);
    assertThat(highest(store.acknowledgedThrough())).as("positions of the old log forgotten").isZero();
    assertThat(store.read(old, 1)).as("streams cached from the old log forgotten").isEmpty();
    assertThat(store.readLog(store.logStart(), LogFilter.all(), 10).entries()).extracting(e -> e.event().stream())
        .containsExactly(fresh);
    var mapping = client.indices().getMapping(g -> g.index(index.name())).result().get(index.name()).mappings();
    assertThat(mapping.dateDetection()).as("created again with the store's own mapping").isFalse();
  }

  @Test
  void an_event_index_deleted_under_a_store_that_writes_before_it_notices_comes_back_with_the_store_mapping()
      throws Exception {
    store.append(new StreamId("Tested", "before"), ExpectedVersion.NO_STREAM, events(1, "before"));
    client.indices().delete(d -> d.index(index.name()));

    // the very next write reaches Elasticsearch, which creates the index again by itself
    store.append(new StreamId("Tested", "right-after"), ExpectedVersion.NO_STREAM, events(1, "after"));

    var mapping = client.indices().getMapping(g -> g.index(index.name())).result().get(index.name()).mappings();
    assertThat(mapping.dateDetection()).as("the index template gave it the store's mapping").isFalse();
    assertThat(mapping.properties().get("eventId").isKeyword()).isTrue();
  }

  /** The highest sequence number of a position over its partitions. */
  private static long highest(LogPosition position) {
    return IntStream.range(0, position.partitions()).mapToLong(position::seqNo).max().orElse(-1);
  }
}
