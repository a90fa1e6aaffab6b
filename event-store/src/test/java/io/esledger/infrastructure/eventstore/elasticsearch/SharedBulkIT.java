package io.esledger.infrastructure.eventstore.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import io.esledger.application.eventstore.AppendOutcome;
import io.esledger.application.eventstore.AppendRequest;
import io.esledger.application.eventstore.EventStoreUnavailableException;
import io.esledger.application.eventstore.ExpectedVersion;
import io.esledger.application.eventstore.OutcomeUnknownException;
import io.esledger.application.eventstore.RecordedEvent;
import io.esledger.application.eventstore.StreamId;
import io.esledger.application.eventstore.StreamNameTooLongException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Appends of many callers share one {@code _bulk}: a member that Elasticsearch would refuse must
 * fail alone, as a definite refusal, and every other member must be stored — on a real node.
 */
class SharedBulkIT extends ElasticsearchNodeSupport {

  private static final String TOO_LONG = "x".repeat(600);

  private List<AppendRequest> batchWithOneBadMember(String run) {
    List<AppendRequest> batch = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      batch.add(new AppendRequest(new StreamId("Tested", run + "-" + i), ExpectedVersion.NO_STREAM,
          events(1, run + "-" + i)));
    }
    batch.add(2, new AppendRequest(new StreamId("Tested", run + "-" + TOO_LONG), ExpectedVersion.NO_STREAM,
        events(1, run + "-bad")));
    return batch;
  }

  private void assertOthersStored(List<AppendRequest> batch, List<AppendOutcome> outcomes) {
    for (int i = 0; i < batch.size(); i++) {
      if (i == 2) {
        continue;
      }
      assertThat(outcomes.get(i).isStored()).as("member " + i + ": " + outcomes.get(i).failure()).isTrue();
      assertThat(store.read(batch.get(i).stream(), 1)).extracting(RecordedEvent::eventId)
          .containsExactly(batch.get(i).events().get(0).eventId());
    }
  }

  @Test
  void a_member_whose_document_id_is_too_long_is_refused_before_sending_and_the_others_are_stored() {
    List<AppendRequest> batch = batchWithOneBadMember("shared-" + UUID.randomUUID());

    List<AppendOutcome> outcomes = store.appendAll(batch);

    assertThat(outcomes.get(2).failure()).isInstanceOf(StreamNameTooLongException.class);
    assertOthersStored(batch, outcomes);
  }

  @Test
  void a_bulk_elasticsearch_refuses_as_a_whole_is_resent_member_by_member() {
    store.checkIdsBeforeSending = false; // let Elasticsearch itself refuse the request (HTTP 400)
    List<AppendRequest> batch = batchWithOneBadMember("whole-" + UUID.randomUUID());

    List<AppendOutcome> outcomes = store.appendAll(batch);

    assertThat(outcomes.get(2).failure()).as("a definite refusal, never an unknown outcome")
        .isInstanceOf(EventStoreUnavailableException.class)
        .isNotInstanceOf(OutcomeUnknownException.class);
    assertOthersStored(batch, outcomes);
  }
}
