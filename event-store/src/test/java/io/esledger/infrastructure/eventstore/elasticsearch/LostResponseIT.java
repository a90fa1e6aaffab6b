package io.esledger.infrastructure.eventstore.elasticsearch;

import io.esledger.infrastructure.elasticsearch.ElasticsearchSettings;
import io.esledger.infrastructure.elasticsearch.ElasticsearchClients;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.esledger.application.eventstore.AppendResult;
import io.esledger.application.eventstore.ExpectedVersion;
import io.esledger.application.eventstore.LogEntry;
import io.esledger.application.eventstore.LogFilter;
import io.esledger.application.eventstore.LogPosition;
import io.esledger.application.eventstore.NewEvent;
import io.esledger.application.eventstore.OutcomeUnknownException;
import io.esledger.application.eventstore.RecordedEvent;
import io.esledger.application.eventstore.StreamId;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Appends whose response is lost after Elasticsearch applied them (a TCP proxy drops it): the
 * caller gets its receipt or {@code OUTCOME_UNKNOWN}, never "nothing stored", and the commit is in
 * the log for every projection.
 */
class LostResponseIT extends ElasticsearchNodeSupport {

  private DroppingProxy proxy;
  private ElasticsearchClient proxiedClient;
  private ElasticsearchEventStore proxied;
  private final StreamId stream = new StreamId("Tested", "lost-response");

  @BeforeEach
  void proxy() throws IOException {
    proxy = new DroppingProxy(Integer.parseInt(System.getProperty("es.http.port", "9200")));
    ElasticsearchSettings through = new ElasticsearchSettings(List.of(proxy.url()), settings.username(),
        settings.password(), settings.apiKey(), settings.indexPrefix(), 1, 0, refreshInterval(),
        settings.connectTimeout(), settings.socketTimeout());
    proxiedClient = ElasticsearchClients.create(through);
    proxied = new ElasticsearchEventStore(proxiedClient, new EventIndex(proxiedClient, through), r -> {});
    index.ensureExists();
  }

  @AfterEach
  void closeProxy() throws IOException {
    proxied.close();
    proxiedClient._transport().close();
    proxy.close();
  }

  @Test
  void a_commit_whose_response_was_lost_is_acknowledged_after_all() {
    proxy.dropBulkResponses(1);
    List<NewEvent> events = events(1, "lost-once");

    AppendResult result = proxied.append(stream, ExpectedVersion.NO_STREAM, events);

    assertThat(proxy.dropped()).isEqualTo(1);
    assertThat(result.version()).isEqualTo(1);
    assertThat(store.read(stream, 1)).extracting(RecordedEvent::eventId).containsExactly(events.get(0).eventId());
    assertThat(inLog(events.get(0).eventId())).isTrue();
    assertThat(proxied.acknowledgedThrough().covers(logPositionOf(events.get(0).eventId())))
        .as("the token of an append settled by its resend covers the commit").isTrue();
    System.out.println("lost bulk response: 1 append, 1 response dropped, acknowledged 1, lost 0");
  }

  @Test
  void a_create_that_meets_its_own_commit_on_the_first_attempt_is_stored_with_all_its_events() {
    // as when Elasticsearch itself retried the create after a primary failover and the first try
    // had been applied: the create meets the commit it carries. Another store (no shared memory)
    // sends the very commit again
    List<NewEvent> events = events(3, "retried-inside");
    store.append(stream, ExpectedVersion.NO_STREAM, events);

    AppendResult again = proxied.append(stream, ExpectedVersion.NO_STREAM, events);

    assertThat(again.version()).as("reported stored, not a conflict").isEqualTo(3);
    assertThat(proxied.acknowledgedThrough().covers(logPositionOf(events.get(0).eventId()))).isTrue();
    assertThat(store.read(stream, 1)).extracting(RecordedEvent::eventId)
        .containsExactlyElementsOf(events.stream().map(NewEvent::eventId).toList());
  }

  @Test
  void a_token_covers_every_document_of_a_multi_event_commit() throws Exception {
    List<NewEvent> events = events(3, "three");
    proxied.append(stream, ExpectedVersion.NO_STREAM, events);

    LogPosition acknowledged = proxied.acknowledgedThrough();
    for (int version = 1; version <= 3; version++) {
      int v = version;
      var doc = client.get(g -> g.index(index.name()).id(EventDocuments.id(stream, v)).routing(stream.value()),
          com.fasterxml.jackson.databind.node.ObjectNode.class);
      assertThat(doc.seqNo()).as("v" + v + " is stored").isNotNull();
      assertThat(acknowledged.seqNo(0)).as("the token covers v" + v + "'s document").isGreaterThanOrEqualTo(doc.seqNo());
    }
  }

  @Test
  void an_event_whose_own_document_was_never_written_is_found_by_its_id_and_written_back() throws Exception {
    List<NewEvent> events = events(3, "half-written");
    store.writeRestOfCommits = false; // the process stops between the commit document and the rest
    store.append(stream, ExpectedVersion.NO_STREAM, events);
    store.writeRestOfCommits = true;
    String second = events.get(1).eventId();
    assertThat(client.exists(e -> e.index(index.name()).id(EventDocuments.id(stream, 2)).routing(stream.value())).value())
        .as("the fault happened: v2 has no document of its own").isFalse();

    assertThat(store.findEvent(second)).as("found in its commit document").map(RecordedEvent::version).contains(2);
    assertThat(client.exists(e -> e.index(index.name()).id(EventDocuments.id(stream, 2)).routing(stream.value())).value())
        .as("and written back").isTrue();
  }

  /** The log position of the commit holding an event (its commit document's place). */
  private LogPosition logPositionOf(String eventId) {
    store.head();
    LogEntry entry = store.readLog(store.logStart(), LogFilter.all(), 100).entries().stream()
        .filter(e -> e.event().eventId().equals(eventId)).findFirst().orElseThrow();
    return store.logStart().advance(entry.partition(), entry.seqNo());
  }

  @Test
  void when_no_answer_comes_at_all_the_outcome_is_unknown_and_the_commit_still_reaches_the_log() {
    proxy.dropBulkResponses(2);
    List<NewEvent> events = events(1, "lost-twice");

    assertThatThrownBy(() -> proxied.append(stream, ExpectedVersion.NO_STREAM, events))
        .isInstanceOf(OutcomeUnknownException.class)
        .hasMessageContaining("same commandId is safe");

    assertThat(proxy.dropped()).isEqualTo(2);
    assertThat(store.read(stream, 1)).extracting(RecordedEvent::eventId).containsExactly(events.get(0).eventId());
    assertThat(inLog(events.get(0).eventId())).isTrue();
  }

  @Test
  void a_lost_response_to_a_losing_create_is_still_a_conflict() {
    store.append(stream, ExpectedVersion.NO_STREAM, events(1, "winner"));
    proxy.dropBulkResponses(1);

    assertThatThrownBy(() -> proxied.append(stream, ExpectedVersion.NO_STREAM, events(1, "loser")))
        .isInstanceOf(io.esledger.application.eventstore.WrongExpectedVersionException.class);
    assertThat(store.read(stream, 1)).extracting(e -> e.metadata().commandId()).containsExactly("winner");
  }

  private boolean inLog(String eventId) {
    return store.readLog(store.logStart(), LogFilter.all(), 100).entries().stream()
        .map(LogEntry::event).anyMatch(e -> e.eventId().equals(eventId));
  }
}
