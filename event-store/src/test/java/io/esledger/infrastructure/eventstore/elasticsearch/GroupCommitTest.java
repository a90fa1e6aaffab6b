package io.esledger.infrastructure.eventstore.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import io.esledger.application.eventstore.AppendOutcome;
import io.esledger.application.eventstore.AppendRequest;
import io.esledger.application.eventstore.AppendResult;
import io.esledger.application.eventstore.EventStoreUnavailableException;
import io.esledger.application.eventstore.ExpectedVersion;
import io.esledger.application.eventstore.StreamId;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

  @Test
  void an_append_no_flusher_took_in_time_is_refused_unsent_while_the_one_in_flight_waits_for_its_answer()
      throws Exception {
    CountDownLatch inFlight = new CountDownLatch(1);
    CountDownLatch clusterAnswers = new CountDownLatch(1);
    List<List<AppendRequest>> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
    GroupCommit commit = new GroupCommit(batch -> {
      sent.add(batch);
      inFlight.countDown();
      await(clusterAnswers); // the cluster hangs until the test lets it answer
      return batch.stream().map(r -> AppendOutcome.stored(new AppendResult(r.stream(), 1, List.of()))).toList();
    }, 1, 1000, Duration.ofMillis(300));

    CompletableFuture<AppendOutcome> first = CompletableFuture.supplyAsync(() -> commit.submit(request("a")));
    assertThat(inFlight.await(5, TimeUnit.SECONDS)).isTrue();
    AppendOutcome queued = commit.submit(request("b")); // the only flusher is stuck on "a"

    assertThat(queued.isStored()).isFalse();
    assertThat(queued.failure()).isInstanceOf(EventStoreUnavailableException.class)
        .hasMessageContaining("not sent");
    assertThat(first).isNotDone();
    clusterAnswers.countDown();
    assertThat(first.get(5, TimeUnit.SECONDS).isStored()).isTrue();
    assertThat(sent).hasSize(1).allSatisfy(batch -> assertThat(batch).extracting(r -> r.stream().aggregateId())
        .containsExactly("a"));
    commit.close();
  }

  private static AppendRequest request(String id) {
    return new AppendRequest(new StreamId("Tested", id), ExpectedVersion.NO_STREAM,
        ElasticsearchNodeSupport.events(1, id));
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
