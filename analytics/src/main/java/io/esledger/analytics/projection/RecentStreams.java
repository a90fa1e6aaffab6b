package io.esledger.analytics.projection;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregate;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregationSource;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeBucket;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.json.JsonData;
import io.esledger.application.eventstore.StreamId;
import io.esledger.domain.model.payment.PaymentEvent;
import io.esledger.infrastructure.eventstore.elasticsearch.EventFields;
import io.esledger.infrastructure.eventstore.elasticsearch.EventIndex;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The payment streams with an event at or after some instant, every one of them (composite paging). */
final class RecentStreams {

  private static final int PAGE = 1000;

  private final ElasticsearchClient client;
  private final EventIndex events;

  RecentStreams(ElasticsearchClient client, EventIndex events) {
    this.client = client;
    this.events = events;
  }

  List<StreamId> since(Instant since) throws IOException {
    client.indices().refresh(r -> r.index(events.name()));
    List<StreamId> streams = new ArrayList<>();
    Map<String, FieldValue> after = null;
    do {
      Map<String, FieldValue> from = after;
      CompositeAggregate page = client.search(s -> s
              .index(events.name())
              .size(0)
              .query(q -> q.bool(b -> b
                  .filter(f -> f.term(t -> t.field(EventFields.AGGREGATE_TYPE).value(PaymentEvent.AGGREGATE_TYPE)))
                  .filter(f -> f.range(r -> r.untyped(u -> u.field(EventFields.TIMESTAMP).gte(JsonData.of(since.toString())))))))
              .aggregations("streams", a -> a.composite(c -> {
                c.size(PAGE).sources(Map.of("id",
                    CompositeAggregationSource.of(cs -> cs.terms(t -> t.field(EventFields.AGGREGATE_ID)))));
                if (from != null) {
                  c.after(from);
                }
                return c;
              })),
          Void.class).aggregations().get("streams").composite();
      for (CompositeBucket bucket : page.buckets().array()) {
        streams.add(new StreamId(PaymentEvent.AGGREGATE_TYPE, bucket.key().get("id").stringValue()));
      }
      after = page.buckets().array().size() < PAGE ? null : page.afterKey();
    } while (after != null);
    return streams;
  }
}
