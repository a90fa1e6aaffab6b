package io.esledger.analytics.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.esledger.application.eventstore.EventMetadata;
import io.esledger.application.eventstore.ExpectedVersion;
import io.esledger.application.eventstore.NewEvent;
import io.esledger.application.eventstore.RecordedEvent;
import io.esledger.application.eventstore.StreamId;
import io.esledger.infrastructure.elasticsearch.ElasticsearchClients;
import io.esledger.infrastructure.eventstore.elasticsearch.ElasticsearchEventStore;
import io.esledger.infrastructure.elasticsearch.ElasticsearchSettings;
import io.esledger.infrastructure.eventstore.elasticsearch.EventIndex;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

/**
 * Each test gets its own event index on the real node the build started, named after the test
 * (so tests share nothing, need no order, and a leftover index says who left it). Events are
 * seeded through the real event store; {@link #refresh()} makes them searchable.
 */
abstract class SearchNodeSupport {

  /** The organization argument of an operator's query: every organization. */
  protected static final String ALL = null;

  protected ElasticsearchClient client;
  protected EventIndex index;
  protected ElasticsearchEventStore store;
  protected EventSearch search;
  private final Map<StreamId, Integer> versions = new HashMap<>();

  @BeforeEach
  void connect(TestInfo test) {
    String url = "http://127.0.0.1:" + System.getProperty("es.http.port", "9200");
    ElasticsearchSettings local = ElasticsearchSettings.local(url, prefix(test));
    // a long refresh interval: what a test finds, it found because of its explicit refresh
    ElasticsearchSettings settings = new ElasticsearchSettings(local.hosts(), local.username(), local.password(),
        local.apiKey(), local.indexPrefix(), 1, 0, "60s", local.connectTimeout(), local.socketTimeout());
    client = ElasticsearchClients.create(settings);
    index = new EventIndex(client, settings);
    store = new ElasticsearchEventStore(client, index, appended -> {});
    search = new EventSearch(client, index);
  }

  @AfterEach
  void disconnect() throws IOException {
    client.indices().delete(d -> d.index(index.name()).ignoreUnavailable(true));
    client._transport().close();
  }

  /** Appends the events as one commit to {@code aggregateType:aggregateId}, after what this test appended there. */
  protected List<RecordedEvent> given(String aggregateType, String aggregateId, Given... events) {
    StreamId stream = new StreamId(aggregateType, aggregateId);
    int current = versions.getOrDefault(stream, 0);
    List<NewEvent> commit = new ArrayList<>();
    for (int i = 0; i < events.length; i++) {
      commit.add(newEvent(stream, current + 1 + i, events[i]));
    }
    versions.put(stream, current + events.length);
    return store.append(stream, ExpectedVersion.exactly(current), commit).events();
  }

  /** Search is near-real-time: this makes everything appended so far searchable. */
  protected void refresh() throws IOException {
    client.indices().refresh(r -> r.index(index.name()));
  }

  private static NewEvent newEvent(StreamId stream, int version, Given event) {
    String eventId = stream.aggregateId() + "-v" + version;
    String correlation = event.correlationId() == null ? "corr-" + stream.aggregateId() : event.correlationId();
    return new NewEvent(eventId, event.eventType(), event.data(), event.at(),
        new EventMetadata(correlation, "cause-" + eventId, event.organizationId(), event.userId(), "cmd-" + eventId));
  }

  private static String prefix(TestInfo test) {
    String name = test.getTestClass().orElseThrow().getSimpleName() + "-" + test.getTestMethod().orElseThrow().getName();
    String safe = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "_");
    // the display name tells the invocations of a parameterized test apart
    return "it-" + safe.substring(0, Math.min(safe.length(), 180)) + "-"
        + Integer.toHexString(test.getDisplayName().hashCode()) + "-";
  }
}
