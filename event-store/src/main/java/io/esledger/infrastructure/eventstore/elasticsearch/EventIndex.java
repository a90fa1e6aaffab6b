package io.esledger.infrastructure.eventstore.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch.indices.IndexSettings;
import com.fasterxml.jackson.databind.JsonNode;
import io.esledger.application.eventstore.EventUpcaster;
import io.esledger.application.eventstore.RecordedEvent;
import io.esledger.infrastructure.elasticsearch.ElasticsearchClients;
import io.esledger.infrastructure.elasticsearch.ElasticsearchFailures;
import io.esledger.infrastructure.elasticsearch.ElasticsearchSettings;
import io.esledger.infrastructure.eventstore.view.EventIndexView;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * The event index: its name, its mapping ({@code event-mappings.json}, strict at the top level)
 * and its creation when missing. Never an alias over rollover indices: {@code _id} is unique per
 * index only, and the create-guard relies on it.
 */
public final class EventIndex implements EventIndexView {

  private static final Logger LOG = Logger.getLogger(EventIndex.class.getName());

  private final ElasticsearchClient client;
  private final ElasticsearchSettings settings;
  private final String name;
  private final AtomicBoolean ready = new AtomicBoolean();
  private final EventDocuments documents;

  public EventIndex(ElasticsearchClient client, ElasticsearchSettings settings) {
    this(client, settings, EventUpcaster.NONE);
  }

  /** Events read through this index (stream reads, the log, searches) are upcast by {@code upcaster}. */
  public EventIndex(ElasticsearchClient client, ElasticsearchSettings settings, EventUpcaster upcaster) {
    this.client = client;
    this.settings = settings;
    this.name = settings.indexPrefix() + "events";
    this.documents = new EventDocuments(ElasticsearchClients.objectMapper(), upcaster);
  }

  /** How this index's documents read as events (and are written). */
  EventDocuments documents() {
    return documents;
  }

  @Override
  public String name() {
    return name;
  }

  /** Checks again, at the next use, that the index exists with its mapping (it was deleted or replaced). */
  void recheck() {
    ready.set(false);
  }

  /** Creates the index if it is missing and waits for its primaries; cheap once it has succeeded. */
  @Override
  public void ensureExists() {
    if (ready.get()) {
      return;
    }
    synchronized (this) {
      if (!ready.get()) {
        prepare();
      }
    }
  }

  @Override
  public RecordedEvent event(JsonNode source) {
    return documents.event(source);
  }

  private void prepare() {
    try {
      putTemplate();
      if (!client.indices().exists(e -> e.index(name)).value()) {
        create();
      } else {
        upgradeMapping();
      }
      // an index that exists may not have a started primary yet (just created elsewhere)
      client.cluster().health(h -> h.index(name).waitForStatus(HealthStatus.Yellow).timeout(t -> t.time("30s")));
      ready.set(true);
    } catch (IOException | RuntimeException e) {
      throw ElasticsearchFailures.unavailable("prepare index " + name, e);
    }
  }

  private void create() throws IOException {
    try (InputStream mappings = EventIndex.class.getResourceAsStream("event-mappings.json")) {
      client.indices().create(c -> c
          .index(name)
          .settings(indexSettings())
          .mappings(m -> m.withJson(mappings)));
      LOG.info(() -> "Created event index " + name + " (" + settings.shards() + " shard(s), "
          + settings.replicas() + " replica(s), refresh " + settings.refreshInterval() + ")");
    } catch (ElasticsearchException e) {
      // another instance created it between our check and our create: fine
      if (!"resource_already_exists_exception".equals(e.error().type())) {
        throw e;
      }
    }
  }

  /**
   * Adds the fields this version stores and an index made by an earlier one lacks (a mapping only
   * gains fields; putting the same one again changes nothing).
   */
  private void upgradeMapping() throws IOException {
    try (InputStream mappings = EventIndex.class.getResourceAsStream("event-mappings.json")) {
      // an index this ledger did not create (e.g. made by dynamic mapping) was used as it is before
      ElasticsearchFailures.extendMapping(() -> client.indices().putMapping(p -> p.index(name).withJson(mappings)),
          reason -> LOG.warning(() -> "The event index " + name + " has a mapping this version cannot extend ("
              + reason + "); using it as it is"));
    }
  }

  /**
   * An index template for the event index's exact name, with its settings and mappings: should the
   * index be deleted under a running app, a write that reaches Elasticsearch before the app notices
   * creates it with the store's mapping, never with guessed ones. Best effort: a user without the
   * right to manage templates gets a warning.
   */
  private void putTemplate() {
    try (InputStream mappings = EventIndex.class.getResourceAsStream("event-mappings.json")) {
      client.indices().putIndexTemplate(t -> t
          .name(name)
          .indexPatterns(name)
          .priority(1000L)
          .template(tt -> tt.settings(indexSettings()).mappings(m -> m.withJson(mappings))));
    } catch (IOException | RuntimeException e) {
      LOG.warning(() -> "Could not put the index template for " + name + " (" + e.getMessage() + "); should the "
          + "index be deleted under a running app, Elasticsearch may create it again with guessed mappings");
    }
  }

  private IndexSettings indexSettings() {
    return IndexSettings.of(s -> s
        .numberOfShards(Integer.toString(settings.shards()))
        .numberOfReplicas(Integer.toString(settings.replicas()))
        .refreshInterval(r -> r.time(settings.refreshInterval())));
  }
}
