package io.esledger.analytics.projection;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.esledger.infrastructure.elasticsearch.ElasticsearchFailures;
import io.esledger.infrastructure.elasticsearch.ElasticsearchSettings;
import java.io.IOException;

/**
 * A small index of the application's own (projection leases and checkpoints, parked events),
 * created by the application with the configured shards and replicas before its first write, so
 * Elasticsearch never makes it on its own with its defaults (one replica: a yellow single node).
 * Idempotent; safe when several instances start at once.
 */
final class OwnIndex implements Runnable {

  private final ElasticsearchClient client;
  private final ElasticsearchSettings settings;
  private final String name;
  private volatile boolean ready;

  OwnIndex(ElasticsearchClient client, ElasticsearchSettings settings, String name) {
    this.client = client;
    this.settings = settings;
    this.name = name;
  }

  @Override
  public void run() {
    if (ready) {
      return;
    }
    try {
      if (!client.indices().exists(e -> e.index(name)).value()) {
        try {
          client.indices().create(c -> c.index(name).settings(s -> s
              .numberOfShards("1")
              .numberOfReplicas(Integer.toString(settings.replicas()))));
        } catch (ElasticsearchException e) {
          if (!"resource_already_exists_exception".equals(e.error().type())) {
            throw e;
          }
        }
      }
      ready = true;
    } catch (IOException | RuntimeException e) {
      throw ElasticsearchFailures.unavailable("create " + name, e);
    }
  }
}
