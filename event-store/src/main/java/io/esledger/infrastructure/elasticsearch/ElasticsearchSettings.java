package io.esledger.infrastructure.elasticsearch;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where the cluster is and how the ledger's indices are made. Defaults suit one development node:
 * one shard, no replica (a single node can never place one), a 1 s refresh.
 */
public record ElasticsearchSettings(
    List<String> hosts,
    Optional<String> username,
    Optional<String> password,
    Optional<String> apiKey,
    String indexPrefix,
    int shards,
    int replicas,
    String refreshInterval,
    Duration connectTimeout,
    Duration socketTimeout) {

  public static ElasticsearchSettings local(String host, String indexPrefix) {
    return new ElasticsearchSettings(List.of(host), Optional.empty(), Optional.empty(), Optional.empty(),
        indexPrefix, 1, 0, "1s", Duration.ofSeconds(2), Duration.ofSeconds(10));
  }

  public ElasticsearchSettings withTimeouts(Duration connect, Duration socket) {
    return new ElasticsearchSettings(hosts, username, password, apiKey, indexPrefix, shards, replicas,
        refreshInterval, connect, socket);
  }
}
