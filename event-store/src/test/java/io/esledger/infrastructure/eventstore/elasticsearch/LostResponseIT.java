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
    System.out.println("lost bulk response: 1 append, 1 response dropped, acknowledged 1, lost 0");
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
