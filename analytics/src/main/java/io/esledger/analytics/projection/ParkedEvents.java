package io.esledger.analytics.projection;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.SortOrder;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.esledger.application.eventstore.LogEntry;
import io.esledger.infrastructure.elasticsearch.ElasticsearchClients;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * Events a projection gave up on after its retries (a poison event: it cannot be folded, or its row
 * is refused), kept in {@code <prefix>projections-parked} with the reason, so the projection can go
 * on and an operator can see what it left out.
 */
public final class ParkedEvents {

  /** One parked event, as shown to operators. */
  public record Parked(String projection, String streamId, int version, String eventId, String position,
      String reason, Instant parkedAt) {}

  private final ElasticsearchClient client;
  private final String index;
  private volatile Runnable prepare = () -> {};

  ParkedEvents(ElasticsearchClient client, String index) {
    this.client = client;
    this.index = index;
  }

  /** Parked events in {@code <prefix>projections-parked}, an index the application creates. */
  static ParkedEvents of(ElasticsearchClient client, io.esledger.infrastructure.elasticsearch.ElasticsearchSettings settings) {
    String index = settings.indexPrefix() + "projections-parked";
    return new ParkedEvents(client, index).preparedBy(new OwnIndex(client, settings, index));
  }

  /** What makes sure the index exists before the first event is parked ({@link OwnIndex}). */
  ParkedEvents preparedBy(Runnable prepare) {
    this.prepare = prepare;
    return this;
  }

  void park(String projection, LogEntry entry, String reason, Instant at) throws IOException {
    prepare.run();
    ObjectNode doc = ElasticsearchClients.objectMapper().createObjectNode();
    doc.put("projection", projection);
    doc.put("streamId", entry.event().stream().value());
    doc.put("version", entry.event().version());
    doc.put("eventId", entry.event().eventId());
    doc.put("position", entry.partition() + ":" + entry.seqNo());
    doc.put("reason", reason.length() > 1000 ? reason.substring(0, 1000) : reason);
    doc.put("parkedAt", at.toString());
    client.index(i -> i.index(index).id(projection + ":" + entry.event().eventId()).document(doc).refresh(
        co.elastic.clients.elasticsearch._types.Refresh.True));
  }

  /** The most recently parked events of a projection (at most {@code max}) and how many there are. */
  List<Parked> recent(String projection, int max) throws IOException {
    try {
      return client.search(s -> s.index(index)
              .query(q -> q.match(m -> m.field("projection").query(projection)))
              .sort(o -> o.field(f -> f.field("parkedAt").order(SortOrder.Desc)))
              .size(max), ObjectNode.class)
          .hits().hits().stream().map(h -> h.source()).map(d -> new Parked(d.path("projection").asText(),
              d.path("streamId").asText(), d.path("version").asInt(), d.path("eventId").asText(),
              d.path("position").asText(), d.path("reason").asText(), Instant.parse(d.path("parkedAt").asText())))
          .toList();
    } catch (ElasticsearchException e) {
      if (e.status() == 404) {
        return List.of(); // nothing was ever parked
      }
      throw e;
    }
  }
}
