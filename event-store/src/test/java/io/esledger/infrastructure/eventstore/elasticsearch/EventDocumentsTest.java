package io.esledger.infrastructure.eventstore.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.esledger.application.eventstore.EventMetadata;
import io.esledger.application.eventstore.NewEvent;
import io.esledger.application.eventstore.StreamId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The event's JSON goes into its document verbatim, and only a single well-formed object does. */
class EventDocumentsTest {

  private final ObjectMapper json = io.esledger.infrastructure.elasticsearch.ElasticsearchClients.objectMapper();
  private final EventDocuments documents = new EventDocuments(json);
  private final StreamId stream = new StreamId("Thing", "t-1");

  private List<ObjectNode> commit(String... data) {
    return documents.commit(stream, 1, java.util.Arrays.stream(data)
        .map(d -> new NewEvent("e-" + d.hashCode(), "ThingHappened", d, Instant.parse("2026-12-02T10:00:00Z"),
            new EventMetadata("c", "c", "org-1", "u", "cmd")))
        .toList());
  }

  @Test
  void the_data_is_written_as_it_came_and_read_back_the_same() throws Exception {
    String data = "{\"amount\":\"100.00\",\"n\":1.50,\"nested\":{\"a\":[1,2]},\"text\":\"caf\\u00e9\"}";
    String written = json.writeValueAsString(commit(data).get(0));
    assertThat(written).contains("\"eventData\":" + data);
    var read = documents.stored(json.readTree(written));
    assertThat(json.readTree(read.data())).isEqualTo(json.readTree(data));
    assertThat(read.data()).contains("1.50"); // numbers keep their scale
  }

  @Test
  void every_event_of_a_commit_is_written_verbatim_in_the_commit_document_too() throws Exception {
    List<ObjectNode> docs = commit("{\"a\":1}", "{\"b\":2}");
    String head = json.writeValueAsString(docs.get(0));
    assertThat(head).contains("\"eventData\":{\"a\":1}").contains("\"eventData\":{\"b\":2}");
  }

  @Test
  void anything_but_one_well_formed_object_is_refused_before_it_reaches_a_shared_bulk() {
    for (String bad : List.of("not json", "[1,2]", "{\"a\":1} {\"b\":2}", "{\"a\":", "{\"a\":1}\n{\"b\"", "42")) {
      assertThatThrownBy(() -> commit(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
