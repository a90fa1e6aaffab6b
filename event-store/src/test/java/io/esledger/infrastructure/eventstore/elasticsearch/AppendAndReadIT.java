package io.esledger.infrastructure.eventstore.elasticsearch;

import io.esledger.infrastructure.elasticsearch.ElasticsearchClients;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.core.GetResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.esledger.application.eventstore.AppendResult;
import io.esledger.application.eventstore.ExpectedVersion;
import io.esledger.application.eventstore.RecordedEvent;
import io.esledger.application.eventstore.StreamId;
import io.esledger.application.eventstore.WrongExpectedVersionException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AppendAndReadIT extends ElasticsearchNodeSupport {

  private final StreamId stream = new StreamId("Tested", "stream-1");

  @Test
  void an_append_is_read_back_at_once_in_version_order_without_a_refresh() {
    store.append(stream, ExpectedVersion.NO_STREAM, events(3, "c1"));
    store.append(stream, ExpectedVersion.exactly(3), events(2, "c2"));

    List<RecordedEvent> read = store.read(stream, 1);

    assertThat(read).extracting(RecordedEvent::version).containsExactly(1, 2, 3, 4, 5);
    assertThat(read).extracting(e -> e.metadata().commandId()).containsExactly("c1", "c1", "c1", "c2", "c2");
    assertThat(read.get(0).data()).contains("\"amount\":100.00");
  }

  @Test
  void reads_start_at_the_requested_version_even_past_many_events() {
    for (int v = 0; v < 150; v++) {
      store.append(stream, ExpectedVersion.exactly(v), events(1, "c" + v));
    }
    assertThat(store.read(stream, 1)).extracting(RecordedEvent::version)
        .containsExactlyElementsOf(IntStream.rangeClosed(1, 150).boxed().toList());
    assertThat(store.read(stream, 140)).extracting(RecordedEvent::version)
        .containsExactlyElementsOf(IntStream.rangeClosed(140, 150).boxed().toList());
    assertThat(store.read(stream, 151)).isEmpty();
  }

  @Test
  void a_stream_of_many_batches_reads_whole_and_in_order_from_any_version() {
    // a probe of 16, two batches of 1024 and part of a third, in commits of 100 events
    int length = 16 + 2 * 1024 + 500;
    for (int v = 0; v < length; v += 100) {
      store.append(stream, ExpectedVersion.exactly(v), events(Math.min(100, length - v), "c" + v));
    }

    List<RecordedEvent> whole = store.read(stream, 1);
    assertThat(whole).extracting(RecordedEvent::version)
        .containsExactlyElementsOf(IntStream.rangeClosed(1, length).boxed().toList());
    assertThat(whole.get(1040).metadata().commandId()).isEqualTo("c1000");
    assertThat(store.read(stream, 1041)).extracting(RecordedEvent::version)
        .containsExactlyElementsOf(IntStream.rangeClosed(1041, length).boxed().toList());
    // ending exactly at a batch boundary: the last batch is full, the next one finds nothing
    assertThat(store.read(stream, length - 16 - 1024 + 1)).hasSize(16 + 1024);
  }

  @Test
  void an_unknown_stream_reads_as_empty() {
    assertThat(store.read(new StreamId("Tested", "nobody"), 1)).isEmpty();
  }

  @Test
  void a_losing_multi_event_append_stores_none_of_its_events() throws Exception {
    store.append(stream, ExpectedVersion.NO_STREAM, events(1, "winner"));

    assertThatThrownBy(() -> store.append(stream, ExpectedVersion.NO_STREAM, events(3, "loser")))
        .isInstanceOf(WrongExpectedVersionException.class);

    assertThat(store.read(stream, 1)).extracting(e -> e.metadata().commandId()).containsExactly("winner");
    assertThat(indexedDocuments()).isEqualTo(1);
  }

  @Test
  void an_append_cannot_split_another_commit_or_leave_a_gap() throws Exception {
    store.append(stream, ExpectedVersion.NO_STREAM, events(3, "c1"));
    ElasticsearchEventStore fresh = new ElasticsearchEventStore(client, index, r -> {});

    for (int expected : new int[] {1, 2, 4, 7}) {
      assertThatThrownBy(() -> fresh.append(stream, ExpectedVersion.exactly(expected), events(1, "bad")))
          .as("expected version %d", expected)
          .isInstanceOfSatisfying(WrongExpectedVersionException.class, e -> {
            assertThat(e.actual()).isEqualTo(3);
            assertThat(e.expected().value()).isEqualTo(expected);
            assertThat(e.getMessage()).contains("Tested:stream-1").contains("" + expected).contains("3");
          });
    }
    assertThat(indexedDocuments()).isEqualTo(3);
  }

  @Test
  void a_stream_this_process_knows_is_read_on_from_what_it_knows_and_sees_other_writers() throws Exception {
    store.append(stream, ExpectedVersion.NO_STREAM, events(3, "c1"));
    assertThat(store.read(stream, 1)).hasSize(3);
    // another instance (its own memory) appends; this one must see it on its next read
    ElasticsearchEventStore other = new ElasticsearchEventStore(client, index, r -> {});
    other.append(stream, ExpectedVersion.exactly(3), events(2, "c2"));
    other.close();

    List<RecordedEvent> read = store.read(stream, 1);
    assertThat(read).extracting(RecordedEvent::version).containsExactly(1, 2, 3, 4, 5);
    assertThat(read).extracting(e -> e.metadata().commandId()).containsExactly("c1", "c1", "c1", "c2", "c2");
    assertThat(store.read(stream, 4)).extracting(RecordedEvent::version).containsExactly(4, 5);
    // its own stale decision is refused, and what it knew is read again afterwards
    assertThatThrownBy(() -> store.append(stream, ExpectedVersion.exactly(3), events(1, "c3")))
        .isInstanceOf(WrongExpectedVersionException.class);
    store.append(stream, ExpectedVersion.exactly(5), events(1, "c4"));
    assertThat(store.read(stream, 1)).extracting(RecordedEvent::version).containsExactly(1, 2, 3, 4, 5, 6);
  }

  @Test
  void a_commit_whose_writer_died_after_the_commit_document_is_read_whole_and_repaired() throws Exception {
    // what a crash between the commit document and the rest leaves behind: only the first document
    EventDocuments documents = new EventDocuments(ElasticsearchClients.objectMapper());
    ObjectNode commit = documents.commit(stream, 1, events(3, "crashed")).get(0);
    client.create(c -> c.index(index.name()).id(EventDocuments.id(stream, 1)).routing(stream.value()).document(commit));

    assertThat(store.read(stream, 1)).extracting(RecordedEvent::version).containsExactly(1, 2, 3);
    assertThat(indexedDocuments()).as("the reader wrote the missing documents back").isEqualTo(3);
    assertThatThrownBy(() -> store.append(stream, ExpectedVersion.exactly(1), events(1, "x")))
        .isInstanceOf(WrongExpectedVersionException.class);
  }

  @Test
  void observers_hear_of_an_append_only_after_elasticsearch_acknowledged_it() {
    List<Boolean> storedWhenPublished = new ArrayList<>();
    ElasticsearchEventStore observed = new ElasticsearchEventStore(client, index,
        result -> storedWhenPublished.add(exists(result)));

    AppendResult result = observed.append(stream, ExpectedVersion.NO_STREAM, events(2, "c1"));
    assertThatThrownBy(() -> observed.append(stream, ExpectedVersion.NO_STREAM, events(1, "c2")))
        .isInstanceOf(WrongExpectedVersionException.class);

    assertThat(storedWhenPublished).containsExactly(true);
    assertThat(result.events()).extracting(RecordedEvent::version).containsExactly(1, 2);
  }

  private boolean exists(AppendResult result) {
    try {
      RecordedEvent last = result.events().get(result.events().size() - 1);
      GetResponse<ObjectNode> got = client.get(g -> g.index(index.name())
          .id(EventDocuments.id(last.stream(), last.version())).routing(last.stream().value()), ObjectNode.class);
      return got.found();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void a_read_never_rests_on_an_event_not_known_to_be_on_every_copy() {
    StreamId stream = new StreamId("Tested", "durable-" + java.util.UUID.randomUUID());
    store.append(stream, ExpectedVersion.NO_STREAM, events(1, "first"));
    store.append(stream, ExpectedVersion.exactly(1), events(1, "second"));
    assertThat(store.read(stream, 1)).hasSize(2);
    assertThat(store.durableWaits()).as("what this store wrote was acknowledged: durable, no look needed").isZero();

    // another process knows nothing durable yet: before it hands the stream to a decision it makes
    // sure the newest event it met is under its shard's global checkpoint
    ElasticsearchEventStore other = new ElasticsearchEventStore(client, index, r -> {});
    assertThat(other.read(stream, 1)).hasSize(2);
    assertThat(other.durableWaits()).as("looked at the global checkpoint once").isEqualTo(1);
    other.append(stream, ExpectedVersion.exactly(2), events(1, "third"));
    assertThat(other.read(stream, 1)).hasSize(3);
    assertThat(other.durableWaits()).as("its own acknowledged append needed no look").isEqualTo(1);
    other.close();
  }
}
