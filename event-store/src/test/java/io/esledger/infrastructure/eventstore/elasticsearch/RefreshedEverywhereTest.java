package io.esledger.infrastructure.eventstore.elasticsearch;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch._types.ShardStatistics;
import io.esledger.application.eventstore.EventStoreUnavailableException;
import org.junit.jupiter.api.Test;

/** A refresh of the event log that failed on a shard copy is an outage, never taken for a refresh. */
class RefreshedEverywhereTest {

  @Test
  void a_refresh_of_every_copy_counts() {
    ShardStatistics all = ShardStatistics.of(s -> s.total(6).successful(6).failed(0));
    assertThatCode(() -> EventLog.refreshedEverywhere(all)).doesNotThrowAnyException();
  }

  @Test
  void a_refresh_that_failed_on_one_copy_is_an_outage_naming_the_reason() {
    ShardStatistics partial = ShardStatistics.of(s -> s.total(6).successful(5).failed(1)
        .failures(f -> f.shard(2).index("ledger-events").status("INTERNAL_SERVER_ERROR")
            .reason(r -> r.type("engine_closed_exception").reason("CurrentState[CLOSED] Closed"))));

    assertThatThrownBy(() -> EventLog.refreshedEverywhere(partial))
        .isInstanceOf(EventStoreUnavailableException.class)
        .hasMessageContaining("1 of 6 shard copies").hasMessageContaining("CLOSED");
  }
}
