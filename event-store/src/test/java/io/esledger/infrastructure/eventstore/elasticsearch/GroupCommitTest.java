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

  @Test
  void its_writer_threads_come_from_the_factory_it_is_given() throws Exception {
    List<Thread> made = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.concurrent.ThreadFactory factory = work -> {
      Thread thread = new Thread(work);
      thread.setDaemon(true);
      made.add(thread);
      return thread;
    };
    List<String> ranOn = new java.util.concurrent.CopyOnWriteArrayList<>();
    GroupCommit commit = new GroupCommit(batch -> {
      ranOn.add(Thread.currentThread().getName());
      return batch.stream().map(r -> AppendOutcome.stored(new AppendResult(r.stream(), 1, List.of()))).toList();
    }, 2, 10, Duration.ofSeconds(5), factory);
    try {
      assertThat(commit.submit(new AppendRequest(new StreamId("T", "a"), ExpectedVersion.exactly(0), List.of()))
          .isStored()).isTrue();
      assertThat(made).hasSize(2).allMatch(Thread::isAlive);
      assertThat(made).extracting(Thread::getName).containsExactly("event-store-group-commit-0",
          "event-store-group-commit-1");
      assertThat(ranOn).singleElement().isIn(made.stream().map(Thread::getName).toList());
    } finally {
      commit.close();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
