package io.esledger.analytics.search;

import static io.esledger.infrastructure.eventstore.view.EventFields.*;
import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.esledger.application.eventstore.RecordedEvent;
import io.esledger.infrastructure.elasticsearch.ElasticsearchClients;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * More events than one search may page through: 10,001 {@code Bulked} events b-00000 .. b-10000,
 * one a second (b-10000 newest), plus one older {@code Few} event. Bulk-indexed as the store would
 * write them (appending 10,001 streams one by one would only make the test slow).
 */
class BeyondTheWindowIT extends SearchNodeSupport {

  private static final int BULKED = 10_001;
  private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");

  @BeforeEach
  void tenThousandAndOneEvents() throws Exception {
    index.ensureExists();
    BulkRequest.Builder bulk = new BulkRequest.Builder().index(index.name());
    for (int i = 0; i < BULKED; i++) {
      add(bulk, document("Bulked", "b-%05d".formatted(i), START.plusSeconds(i)));
    }
    add(bulk, document("Few", "f-1", START.minusSeconds(86_400)));
    BulkResponse response = client.bulk(bulk.build());
    assertThat(response.items()).allSatisfy(item -> assertThat(item.error()).isNull());
    refresh();
  }

  @Test
  void the_total_is_a_lower_bound_past_ten_thousand_and_exact_below() {
    EventPage all = search.search(ALL, EventFilter.none(), PageRequest.first());
    EventPage few = search.search(ALL, new EventFilter("Few", null, null, null, null, null, null), PageRequest.first());

    assertThat(all.total()).isEqualTo(10_000);
    assertThat(all.totalIsExact()).isFalse();
    assertThat(few.total()).isEqualTo(1);
    assertThat(few.totalIsExact()).isTrue();
  }

  @Test
  void the_deepest_allowed_page_is_served() {
    EventPage deepest = search.search(ALL, EventFilter.none(), new PageRequest(9_900, 100));

    assertThat(deepest.items()).hasSize(100);
    assertThat(ids(deepest.items()).get(0)).isEqualTo("b-00100");
    assertThat(ids(deepest.items()).get(99)).isEqualTo("b-00001");
  }

  @Test
  void events_by_type_and_text_matches_stop_at_the_thousand_newest() {
    List<String> byType = ids(search.byType(ALL, "Bulked", null, null));
    List<String> byText = ids(search.searchData(ALL, "bulk", null));

    assertThat(byType).hasSize(QueryLimits.MAX_RESULTS).startsWith("b-10000").endsWith("b-09001");
    assertThat(byText).isEqualTo(byType);
  }

  @Test
  void a_correlation_trace_stops_at_the_thousand_oldest() {
    assertThat(ids(search.correlations(ALL, "corr-bulk")))
        .hasSize(QueryLimits.MAX_RESULTS).startsWith("f-1", "b-00000").endsWith("b-00998");
  }

  private static void add(BulkRequest.Builder bulk, ObjectNode doc) {
    String streamId = doc.path(STREAM_ID).asText();
    bulk.operations(op -> op.create(c -> c.id(streamId + ":1").routing(streamId).document(doc)));
  }

  private static ObjectNode document(String type, String id, Instant at) {
    ObjectNode doc = ElasticsearchClients.objectMapper().createObjectNode();
    doc.put(EVENT_ID, id + "-v1");
    doc.put(STREAM_ID, type + ":" + id);
    doc.put(AGGREGATE_ID, id);
    doc.put(AGGREGATE_TYPE, type);
    doc.put(EVENT_TYPE, type);
    doc.putObject(EVENT_DATA).put("note", "bulk");
    doc.put(VERSION, 1);
    doc.put(TIMESTAMP, at.toString());
    doc.put(CORRELATION_ID, "corr-bulk");
    doc.put(CAUSATION_ID, "cause-" + id);
    doc.putObject(METADATA).put(ORGANIZATION_ID, "org-a").put(USER_ID, "user-1").put(COMMAND_ID, "cmd-" + id);
    doc.put(COMMIT_VERSION, 1);
    doc.put(COMMIT_SIZE, 1);
    return doc;
  }

  private static List<String> ids(List<RecordedEvent> events) {
    return events.stream().map(e -> e.stream().aggregateId()).toList();
  }
}
