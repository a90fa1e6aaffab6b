package io.esledger.infrastructure.cdi;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.esledger.application.eventstore.AppendResult;
import io.esledger.application.eventstore.EventStoreUnavailableException;
import io.esledger.application.eventstore.EventUpcaster;
import io.esledger.infrastructure.elasticsearch.ElasticsearchCalls;
import io.esledger.infrastructure.elasticsearch.ElasticsearchClients;
import io.esledger.infrastructure.elasticsearch.ElasticsearchSettings;
import io.esledger.infrastructure.eventstore.elasticsearch.ElasticsearchEventStore;
import io.esledger.infrastructure.eventstore.elasticsearch.EventIndex;
import io.esledger.infrastructure.eventstore.elasticsearch.LogSettings;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The Elasticsearch side of the application, configured with MicroProfile Config (so environment
 * variables such as {@code LEDGER_ELASTICSEARCH_HOSTS} work). See the README for every key.
 */
@ApplicationScoped
public class ElasticsearchProducer {

  /** The store's background threads (group commit writers, log subscriptions) come from the container. */
  @Resource ManagedThreadFactory threads;

  private static final Logger LOG = Logger.getLogger(ElasticsearchProducer.class.getName());

  @Inject
  @ConfigProperty(name = "ledger.elasticsearch.hosts", defaultValue = "http://localhost:9200")
  List<String> hosts;

  @Inject
  @ConfigProperty(name = "ledger.elasticsearch.username")
  Optional<String> username;

  @Inject
  @ConfigProperty(name = "ledger.elasticsearch.password")
  Optional<String> password;

  @Inject
  @ConfigProperty(name = "ledger.elasticsearch.api-key")
  Optional<String> apiKey;

  @Inject
  @ConfigProperty(name = "ledger.elasticsearch.ca-certificate")
  Optional<String> caCertificate;

  @Inject
  @ConfigProperty(name = "ledger.elasticsearch.index-prefix", defaultValue = "ledger-")
  String indexPrefix;

  @Inject
  @ConfigProperty(name = "ledger.elasticsearch.shards", defaultValue = "1")
  int shards;

  @Inject
  @ConfigProperty(name = "ledger.elasticsearch.replicas", defaultValue = "0")
  int replicas;

  @Inject
  @ConfigProperty(name = "ledger.elasticsearch.refresh-interval", defaultValue = "1s")
  String refreshInterval;

  @Inject
  @ConfigProperty(name = "ledger.elasticsearch.connect-timeout-ms", defaultValue = "2000")
  long connectTimeoutMs;

  @Inject
  @ConfigProperty(name = "ledger.elasticsearch.socket-timeout-ms", defaultValue = "10000")
  long socketTimeoutMs;

  @Inject
  @ConfigProperty(name = "ledger.log.min-refresh-interval-ms", defaultValue = "50")
  long logMinRefreshMs;

  @Inject
  @ConfigProperty(name = "ledger.log.poll-interval-ms", defaultValue = "500")
  long logPollMs;

  @Produces
  @Singleton
  ElasticsearchSettings settings() {
    return new ElasticsearchSettings(hosts, username, password, apiKey, indexPrefix, shards, replicas,
        refreshInterval, Duration.ofMillis(connectTimeoutMs), Duration.ofMillis(socketTimeoutMs));
  }

  /** Every call the client makes, for metrics. */
  @Produces
  @Singleton
  ElasticsearchCalls calls() {
    return new ElasticsearchCalls();
  }

  @Produces
  @Singleton
  ElasticsearchClient client(ElasticsearchSettings settings, ElasticsearchCalls calls) {
    LOG.info(() -> "Elasticsearch at " + settings.hosts() + ", index prefix '" + settings.indexPrefix() + "'"
        + caCertificate.map(ca -> ", trusting the CA in " + ca).orElse(""));
    return ElasticsearchClients.create(settings,
        caCertificate.filter(ca -> !ca.isBlank()).map(ca -> ElasticsearchClients.trusting(Path.of(ca))), calls);
  }

  void close(@Disposes ElasticsearchClient client) throws IOException {
    client._transport().close();
  }

  @Produces
  @Singleton
  EventIndex eventIndex(ElasticsearchClient client, ElasticsearchSettings settings, EventUpcaster upcaster) {
    return new EventIndex(client, settings, upcaster);
  }

  /**
   * The event store (also the {@code EventStore} port, its bean types include it). Appended events go
   * to CDI observers (projections) once Elasticsearch acknowledged them.
   */
  @Produces
  @Singleton
  ElasticsearchEventStore eventStore(ElasticsearchClient client, EventIndex index, Event<AppendResult> bus,
      ElasticsearchSettings settings) {
    return new ElasticsearchEventStore(client, index, bus::fire,
        new LogSettings(Duration.ofMillis(logMinRefreshMs), Duration.ofMillis(logPollMs), settings.socketTimeout()),
        threads);
  }

  void close(@Disposes ElasticsearchEventStore store) {
    store.close();
  }

  /** Prepares the index at start; an unreachable cluster is logged and retried on first use. */
  void onStart(@Observes @Initialized(ApplicationScoped.class) Object started, EventIndex index) {
    try {
      index.ensureExists();
      LOG.info(() -> "Event index " + index.name() + " ready");
    } catch (EventStoreUnavailableException e) {
      LOG.warning(() -> e.getMessage() + " — will retry on first use");
    }
  }
}
