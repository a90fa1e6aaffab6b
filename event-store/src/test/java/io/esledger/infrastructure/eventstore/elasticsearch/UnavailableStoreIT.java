package io.esledger.infrastructure.eventstore.elasticsearch;

import io.esledger.infrastructure.elasticsearch.ElasticsearchSettings;
import io.esledger.infrastructure.elasticsearch.ElasticsearchClients;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.esledger.application.eventstore.EventStoreUnavailableException;
import io.esledger.application.eventstore.ExpectedVersion;
import io.esledger.application.eventstore.StreamId;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** An unreachable or refusing cluster is reported as such, promptly, with nothing half-written. */
class UnavailableStoreIT extends ElasticsearchNodeSupport {

  private final StreamId stream = new StreamId("Tested", "outage");

  @Test
  void an_unreachable_cluster_is_reported_within_seconds() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    ElasticsearchSettings nowhere = ElasticsearchSettings.local("http://127.0.0.1:" + closedPort, "x-");
    ElasticsearchClient deadClient = ElasticsearchClients.create(nowhere);
    ElasticsearchEventStore deadStore =
        new ElasticsearchEventStore(deadClient, new EventIndex(deadClient, nowhere), published::add);

    // a hang detector, not a benchmark: the failure must come back instead of blocking
    assertTimeoutPreemptively(Duration.ofSeconds(20), () ->
        assertThatThrownBy(() -> deadStore.append(stream, ExpectedVersion.NO_STREAM, events(1, "c")))
            .isInstanceOf(EventStoreUnavailableException.class)
            .hasMessageContaining("unreachable"));
    assertThat(published).isEmpty();
    deadClient._transport().close();
  }

  @Test
  void a_cluster_refusing_writes_is_reported_and_nothing_is_stored() throws Exception {
    index.ensureExists();
    client.indices().close(c -> c.index(index.name()));

    assertThatThrownBy(() -> store.append(stream, ExpectedVersion.NO_STREAM, events(2, "c")))
        .isInstanceOf(EventStoreUnavailableException.class)
        .hasMessageContaining("refused");

    client.indices().open(o -> o.index(index.name()).waitForActiveShards(w -> w.count(1)));
    assertThat(store.read(stream, 1)).isEmpty();
    assertThat(published).isEmpty();
  }
}
