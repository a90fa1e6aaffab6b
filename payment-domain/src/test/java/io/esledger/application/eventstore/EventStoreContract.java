package io.esledger.application.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * What every {@link EventStore} promises, run against each implementation (in memory, and
 * Elasticsearch on a real node): implement {@link #store()}. Streams are unique per test, so
 * implementations may share one store between tests.
 */
public interface EventStoreContract {

  EventStore store();

  private static StreamId fresh(String type) {
    return new StreamId(type, "s-" + UUID.randomUUID());
  }

  private static NewEvent event(String type, String data) {
    return new NewEvent(UUID.randomUUID().toString(), type, data, Instant.parse("2026-12-02T10:00:00Z"),
        new EventMetadata("corr", "cause", "org-1", "user-1", null));
  }

  private static NewEvent event(int n) {
    return event("Happened", "{\"n\":" + n + "}");
  }

  @Test
  default void an_append_is_read_back_in_version_order_with_its_envelope() {
    StreamId s = fresh("Contract");
    AppendResult first = store().append(s, ExpectedVersion.NO_STREAM, List.of(event(1)));
    AppendResult second = store().append(s, ExpectedVersion.exactly(1), List.of(event(2), event(3)));

    assertThat(first.version()).isEqualTo(1);
    assertThat(second.version()).isEqualTo(3);
    List<RecordedEvent> read = store().read(s, 1);
    assertThat(read).extracting(RecordedEvent::version).containsExactly(1, 2, 3);
    assertThat(read).extracting(RecordedEvent::data).containsExactly("{\"n\":1}", "{\"n\":2}", "{\"n\":3}");
    assertThat(read.get(0).metadata().correlationId()).isEqualTo("corr");
    assertThat(read.get(0).stream()).isEqualTo(s);
    assertThat(store().read(s, 3)).extracting(RecordedEvent::version).containsExactly(3);
  }

  @Test
  default void a_stale_expected_version_is_refused_and_stores_nothing() {
    StreamId s = fresh("Contract");
    store().append(s, ExpectedVersion.NO_STREAM, List.of(event(1)));

    assertThatThrownBy(() -> store().append(s, ExpectedVersion.NO_STREAM, List.of(event(2))))
        .isInstanceOf(WrongExpectedVersionException.class);
    assertThatThrownBy(() -> store().append(s, ExpectedVersion.exactly(2), List.of(event(2))))
        .isInstanceOf(WrongExpectedVersionException.class);
    assertThat(store().read(s, 1)).hasSize(1);
  }

  @Test
  default void an_append_without_events_is_refused() {
    assertThatThrownBy(() -> store().append(fresh("Contract"), ExpectedVersion.NO_STREAM, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  default void appends_of_a_batch_succeed_or_fail_each_on_its_own() {
    StreamId taken = fresh("Contract");
    StreamId free = fresh("Contract");
    store().append(taken, ExpectedVersion.NO_STREAM, List.of(event(1)));

    List<AppendOutcome> outcomes = store().appendAll(List.of(
        new AppendRequest(taken, ExpectedVersion.NO_STREAM, List.of(event(2))),
        new AppendRequest(free, ExpectedVersion.NO_STREAM, List.of(event(3), event(4)))));

    assertThat(outcomes.get(0).isStored()).isFalse();
    assertThat(outcomes.get(0).failure()).isInstanceOf(WrongExpectedVersionException.class);
    assertThat(outcomes.get(1).result().version()).isEqualTo(2);
    Map<StreamId, List<RecordedEvent>> all = store().readAll(List.of(taken, free, fresh("Contract")));
    assertThat(all.get(taken)).hasSize(1);
    assertThat(all.get(free)).extracting(RecordedEvent::version).containsExactly(1, 2);
    assertThat(all.values()).anySatisfy(history -> assertThat(history).isEmpty());
  }

  @Test
  default void an_event_is_found_by_its_id_with_its_schema_version() {
    StreamId s = fresh("Contract");
    NewEvent shaped = new NewEvent(UUID.randomUUID().toString(), "Happened", 3, "{\"n\":7}",
        Instant.parse("2026-12-02T10:00:00Z"), new EventMetadata("c", "c", "org-1", "u", "cmd-1"));
    store().append(s, ExpectedVersion.NO_STREAM, List.of(shaped));

    RecordedEvent found = store().findEvent(shaped.eventId()).orElseThrow();
    assertThat(found.schemaVersion()).isEqualTo(3);
    assertThat(found.metadata().commandId()).isEqualTo("cmd-1");
    assertThat(store().findEvent(UUID.randomUUID().toString())).isEmpty();
  }

  @Test
  default void metadata_is_an_open_map_read_back_whole() {
    StreamId s = fresh("Contract");
    EventMetadata envelope = new EventMetadata("corr-9", "cause-9", "org-1", null, "cmd-9")
        .with("channel", "point-of-sale").with("terminalId", "T-0042");
    NewEvent event = new NewEvent(UUID.randomUUID().toString(), "Happened", "{\"n\":1}",
        Instant.parse("2026-12-02T10:00:00Z"), envelope);
    store().append(s, ExpectedVersion.NO_STREAM, List.of(event));

    RecordedEvent read = store().read(s, 1).get(0);
    assertThat(read.metadata()).isEqualTo(envelope);
    assertThat(read.metadata().get("terminalId")).isEqualTo("T-0042");
    assertThat(read.metadata().userId()).as("an absent key").isNull();
    assertThat(store().findEvent(event.eventId()).orElseThrow().metadata().get("channel")).isEqualTo("point-of-sale");
  }

  @Test
  default void the_log_holds_every_commit_after_a_position_in_order_and_filtered() {
    LogPosition before = store().head();
    StreamId a = fresh("ContractA");
    StreamId b = fresh("ContractB");
    store().append(a, ExpectedVersion.NO_STREAM, List.of(event(1), event(2)));
    store().append(b, ExpectedVersion.NO_STREAM, List.of(event(3)));
    store().append(a, ExpectedVersion.exactly(2), List.of(event(4)));
    LogPosition acknowledged = store().acknowledgedThrough();

    assertThat(store().head().covers(acknowledged)).isTrue();
    LogPage onlyA = store().readLog(before, LogFilter.aggregateType("ContractA"), 1_000);
    assertThat(onlyA.entries()).extracting(e -> e.event().data())
        .containsExactly("{\"n\":1}", "{\"n\":2}", "{\"n\":4}");
    assertThat(onlyA.entries().get(0).seqNo()).as("one commit, one place").isEqualTo(onlyA.entries().get(1).seqNo());
    assertThat(onlyA.next().covers(acknowledged)).isTrue();
    assertThat(store().readLog(before, LogFilter.aggregateType("ContractB"), 1_000).entries())
        .extracting(e -> e.event().stream()).containsExactly(b);
  }

  @Test
  default void the_log_can_be_read_for_events_whose_envelope_carries_a_key() {
    LogPosition before = store().head();
    StreamId marked = fresh("ContractKey");
    StreamId plain = fresh("ContractKey");
    EventMetadata withKey = new EventMetadata("corr", "cause", "org-1", "user-1", null).with("invoiceRef", "inv-1");
    store().append(marked, ExpectedVersion.NO_STREAM, List.of(
        new NewEvent(UUID.randomUUID().toString(), "Happened", "{\"n\":1}", Instant.parse("2026-12-02T10:00:00Z"),
            withKey),
        new NewEvent(UUID.randomUUID().toString(), "Happened", "{\"n\":2}", Instant.parse("2026-12-02T10:00:00Z"),
            withKey)));
    store().append(plain, ExpectedVersion.NO_STREAM, List.of(event(3)));
    LogPosition acknowledged = store().acknowledgedThrough();

    LogPage page = store().readLog(before,
        new LogFilter(java.util.Set.of("ContractKey"), java.util.Set.of(), java.util.Set.of("invoiceRef")), 1_000);
    assertThat(page.entries()).extracting(e -> e.event().data()).containsExactly("{\"n\":1}", "{\"n\":2}");
    assertThat(page.next().covers(acknowledged)).as("what it left out is passed, not pending").isTrue();
  }

  @Test
  default void a_subscription_delivers_history_then_live_appends() throws Exception {
    LogPosition before = store().head();
    StreamId s = fresh("ContractSub");
    store().append(s, ExpectedVersion.NO_STREAM, List.of(event(1)));
    List<String> seen = new CopyOnWriteArrayList<>();
    try (LogSubscription subscription = store().subscribe("contract", before, LogFilter.aggregateType("ContractSub"),
        100, page -> page.entries().forEach(e -> seen.add(e.event().data())))) {
      store().append(s, ExpectedVersion.exactly(1), List.of(event(2)));
      subscription.wake();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (seen.size() < 2 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(seen).containsExactly("{\"n\":1}", "{\"n\":2}");
      assertThat(subscription.running()).isTrue();
    }
  }
}
