package io.esledger.analytics.search;

import static io.esledger.infrastructure.eventstore.view.EventFields.STREAM_ID;
import static io.esledger.infrastructure.eventstore.view.EventFields.TIMESTAMP;
import static io.esledger.infrastructure.eventstore.view.EventFields.VERSION;

import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.esledger.application.eventstore.RecordedEvent;
import io.esledger.infrastructure.eventstore.view.EventIndexView;
import java.util.List;

/** How event hits are ordered and how they become recorded events. */
final class EventHits {

  private final EventIndexView index;

  EventHits(EventIndexView index) {
    this.index = index;
  }

  /** timestamp desc, version desc, streamId asc: total, so equal timestamps never reorder between pages. */
  static List<SortOptions> newestFirst() {
    return List.of(by(TIMESTAMP, SortOrder.Desc), by(VERSION, SortOrder.Desc), by(STREAM_ID, SortOrder.Asc));
  }

  /** timestamp asc, version asc, streamId asc. */
  static List<SortOptions> oldestFirst() {
    return List.of(by(TIMESTAMP, SortOrder.Asc), by(VERSION, SortOrder.Asc), by(STREAM_ID, SortOrder.Asc));
  }

  /**
   * Hits as recorded events. The whole {@code _source} is fetched on purpose: source filtering
   * (e.g. excluding {@code commitEvents}) makes Elasticsearch re-serialize the document, and that
   * turns the decimal {@code 100.00} into {@code 100.0}.
   */
  List<RecordedEvent> events(SearchResponse<ObjectNode> response) {
    return response.hits().hits().stream().map(Hit::source).map(index::event).toList();
  }

  private static SortOptions by(String field, SortOrder order) {
    return SortOptions.of(s -> s
        .field(f -> f
            .field(field)
            .order(order)));
  }
}
