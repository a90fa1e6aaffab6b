package io.esledger.infrastructure.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.esledger.application.eventstore.EventStoreOutageException;
import io.esledger.application.eventstore.EventStoreUnavailableException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;

/** No answer at all is an outage (callers may stop sending work for a while); an answer that refuses is not. */
class ElasticsearchFailuresTest {

  @Test
  void no_connection_or_no_answer_in_time_is_an_outage() {
    EventStoreUnavailableException unreachable = ElasticsearchFailures.unavailable("search",
        new ConnectException("Connection refused"));
    EventStoreUnavailableException slow = ElasticsearchFailures.unavailable("search",
        new IOException("listener timeout", new SocketTimeoutException("30,000 milliseconds timeout")));

    assertThat(unreachable).isInstanceOf(EventStoreOutageException.class)
        .hasMessageStartingWith("Elasticsearch is unreachable (search)");
    assertThat(slow).isInstanceOf(EventStoreOutageException.class)
        .hasMessage("Elasticsearch did not answer in time (search)");
  }

  @Test
  void a_refusal_is_not_an_outage() {
    ElasticsearchException refused = new ElasticsearchException("search", ErrorResponse.of(e -> e.status(400)
        .error(ErrorCause.of(c -> c.type("search_phase_execution_exception").reason("too many buckets")))));

    EventStoreUnavailableException failure = ElasticsearchFailures.unavailable("search", refused);

    assertThat(failure).isNotInstanceOf(EventStoreOutageException.class)
        .hasMessageContaining("HTTP 400").hasMessageContaining("too many buckets");
  }
}
