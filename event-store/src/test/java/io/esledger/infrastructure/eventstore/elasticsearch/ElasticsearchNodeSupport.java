package io.esledger.infrastructure.eventstore.elasticsearch;

import io.esledger.infrastructure.elasticsearch.ElasticsearchSettings;
import io.esledger.infrastructure.elasticsearch.ElasticsearchClients;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.esledger.application.eventstore.AppendResult;
import io.esledger.application.eventstore.EventMetadata;
import io.esledger.application.eventstore.NewEvent;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Each test gets its own indices (a unique prefix) on the real node the build started, so tests
 * share nothing and need no order.
 */
abstract class ElasticsearchNodeSupport {

  protected ElasticsearchSettings settings;
  protected ElasticsearchClient client;
  protected EventIndex index;
  protected final List<AppendResult> published = new CopyOnWriteArrayList<>();
  protected ElasticsearchEventStore store;

  static String nodeUrl() {
    return "http://127.0.0.1:" + System.getProperty("es.http.port", "9200");
  }

  /** A long refresh interval: anything a test reads back it must have read without a refresh. */
  protected String refreshInterval() {
    return "60s";
  }

  /** Shards of the event index (partitions of the log). */
  protected int shards() {
    return 1;
  }

  @BeforeEach
  void connect() {
    String prefix = "it-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT) + "-";
    ElasticsearchSettings local = ElasticsearchSettings.local(nodeUrl(), prefix);
    settings = new ElasticsearchSettings(local.hosts(), local.username(), local.password(), local.apiKey(),
        prefix, shards(), 0, refreshInterval(), local.connectTimeout(), local.socketTimeout());
    client = ElasticsearchClients.create(settings);
    index = new EventIndex(client, settings);
    store = new ElasticsearchEventStore(client, index, published::add);
  }

  @AfterEach
  void disconnect() throws IOException {
    store.close();
    client.indices().delete(d -> d.index(index.name()).ignoreUnavailable(true));
    client._transport().close();
  }

  /** How many event documents the index holds, after forcing a refresh (tests only). */
  protected long indexedDocuments() throws IOException {
    client.indices().refresh(r -> r.index(index.name()));
    return client.count(c -> c.index(index.name())).count();
  }

  static List<NewEvent> events(int count, String commandId) {
    return IntStream.range(0, count).mapToObj(i -> event(commandId, i)).toList();
  }

  static NewEvent event(String commandId, int i) {
    return new NewEvent(UUID.randomUUID().toString(), "Tested",
        "{\"n\":" + i + ",\"amount\":100.00,\"note\":\"" + commandId + "\"}", Instant.parse("2026-11-26T10:00:00Z"),
        new EventMetadata("corr-" + commandId, "cause-" + commandId, "org-1", "user-1", commandId));
  }
}
