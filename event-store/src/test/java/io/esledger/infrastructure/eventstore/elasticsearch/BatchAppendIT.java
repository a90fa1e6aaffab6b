package io.esledger.infrastructure.eventstore.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import io.esledger.application.eventstore.AppendOutcome;
import io.esledger.application.eventstore.AppendRequest;
import io.esledger.application.eventstore.ExpectedVersion;
import io.esledger.application.eventstore.RecordedEvent;
import io.esledger.application.eventstore.StreamId;
import io.esledger.application.eventstore.WrongExpectedVersionException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Many appends in one request: each atomic and version-checked on its own stream. */
class BatchAppendIT extends ElasticsearchNodeSupport {

  private static StreamId stream(String id) {
    return new StreamId("Tested", id);
  }

  @Test
  void one_refused_append_does_not_lose_the_others() throws Exception {
    store.append(stream("taken"), ExpectedVersion.NO_STREAM, events(1, "first"));
    ElasticsearchEventStore fresh = new ElasticsearchEventStore(client, index, published::add);
    published.clear();

    List<AppendOutcome> outcomes = fresh.appendAll(List.of(
        new AppendRequest(stream("a"), ExpectedVersion.NO_STREAM, events(1, "a")),
        new AppendRequest(stream("taken"), ExpectedVersion.NO_STREAM, events(1, "late")),
        new AppendRequest(stream("b"), ExpectedVersion.NO_STREAM, events(3, "b")),
        new AppendRequest(stream("taken"), ExpectedVersion.exactly(7), events(1, "gap"))));

    assertThat(outcomes).extracting(AppendOutcome::isStored).containsExactly(true, false, true, false);
    assertThat(outcomes.get(1).failure()).isInstanceOfSatisfying(WrongExpectedVersionException.class,
        e -> assertThat(e.actual()).isEqualTo(1));
    assertThat(outcomes.get(3).failure()).isInstanceOf(WrongExpectedVersionException.class);
    assertThat(store.read(stream("b"), 1)).extracting(RecordedEvent::version).containsExactly(1, 2, 3);
    assertThat(store.read(stream("taken"), 1)).extracting(e -> e.metadata().commandId()).containsExactly("first");
    assertThat(published).hasSize(2);
    assertThat(indexedDocuments()).isEqualTo(5);
  }

  @Test
  void many_streams_are_read_back_whole_in_one_go() {
    store.append(stream("one"), ExpectedVersion.NO_STREAM, events(1, "c1"));
    store.append(stream("three"), ExpectedVersion.NO_STREAM, events(2, "c2"));
    store.append(stream("three"), ExpectedVersion.exactly(2), events(1, "c3"));

    Map<StreamId, List<RecordedEvent>> read = store.readAll(List.of(stream("one"), stream("none"), stream("three")));

    assertThat(read.get(stream("one"))).extracting(RecordedEvent::version).containsExactly(1);
    assertThat(read.get(stream("none"))).isEmpty();
    assertThat(read.get(stream("three"))).extracting(RecordedEvent::version).containsExactly(1, 2, 3);
  }
}
