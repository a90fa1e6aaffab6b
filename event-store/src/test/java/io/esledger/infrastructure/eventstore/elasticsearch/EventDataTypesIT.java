package io.esledger.infrastructure.eventstore.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import io.esledger.application.eventstore.EventMetadata;
import io.esledger.application.eventstore.ExpectedVersion;
import io.esledger.application.eventstore.NewEvent;
import io.esledger.application.eventstore.RecordedEvent;
import io.esledger.application.eventstore.StreamId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Free text in event data keeps its type whatever the first writer put in it: a reason that looks
 * like a date or a number does not make that field a date or a number for every later event (of
 * every organization), which would refuse them.
 */
class EventDataTypesIT extends ElasticsearchNodeSupport {

  /** A field of this run's own, so that no earlier test has mapped it already. */
  private final String field = "reason" + UUID.randomUUID().toString().substring(0, 8);

  private NewEvent withReason(String reason, String organization) {
    return new NewEvent(UUID.randomUUID().toString(), "ReasonGiven", "{\"" + field + "\":\"" + reason + "\"}",
        Instant.parse("2026-11-26T10:00:00Z"),
        new EventMetadata("corr", "cause", organization, "user-1", UUID.randomUUID().toString()));
  }

  @Test
  void a_reason_that_looks_like_a_date_or_a_number_does_not_type_the_field_for_everyone() {
    String run = UUID.randomUUID().toString();
    StreamId first = new StreamId("Tested", "dates-" + run);
    StreamId second = new StreamId("Tested", "text-" + run);
    StreamId third = new StreamId("Tested", "number-" + run);

    store.append(first, ExpectedVersion.NO_STREAM, List.of(withReason("2026-01-01", "org-a")));
    store.append(second, ExpectedVersion.NO_STREAM, List.of(withReason("customer changed their mind", "org-b")));
    store.append(third, ExpectedVersion.NO_STREAM, List.of(withReason("42", "org-c")));
    store.append(third, ExpectedVersion.exactly(1), List.of(withReason("forty-two", "org-c")));

    assertThat(store.read(second, 1)).extracting(RecordedEvent::eventType).containsExactly("ReasonGiven");
    assertThat(store.read(third, 1)).hasSize(2);
    assertThat(store.readLog(store.logStart(), io.esledger.application.eventstore.LogFilter.all(), 10_000).entries()
        .stream().filter(e -> e.event().stream().equals(second))).hasSize(1);
  }
}
