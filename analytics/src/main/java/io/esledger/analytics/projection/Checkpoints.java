package io.esledger.analytics.projection;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.esledger.infrastructure.eventstore.elasticsearch.ElasticsearchClients;
import io.esledger.infrastructure.eventstore.elasticsearch.ElasticsearchSettings;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * How far each projection got ({@code <prefix>projections}, one document per projection): every
 * append queued before {@code appliedThrough} is in its read model. After a crash, the projection
 * re-applies the streams touched since then, so an acknowledged append is never left out.
 */
final class Checkpoints {

  private static final String APPLIED_THROUGH = "appliedThrough";

  private final ElasticsearchClient client;
  private final String index;

  Checkpoints(ElasticsearchClient client, ElasticsearchSettings settings) {
    this.client = client;
    this.index = settings.indexPrefix() + "projections";
  }

  Optional<Instant> read(String projection) throws IOException {
    if (!client.indices().exists(e -> e.index(index)).value()) {
      return Optional.empty();
    }
    var got = client.get(g -> g.index(index).id(projection), ObjectNode.class);
    return got.found() ? Optional.of(Instant.parse(got.source().path(APPLIED_THROUGH).asText())) : Optional.empty();
  }

  void save(String projection, Instant appliedThrough) throws IOException {
    ObjectNode doc = ElasticsearchClients.objectMapper().createObjectNode().put(APPLIED_THROUGH, appliedThrough.toString());
    client.index(i -> i.index(index).id(projection).document(doc));
  }
}
