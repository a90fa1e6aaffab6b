package io.esledger.infrastructure.eventstore.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import io.esledger.application.eventstore.ExpectedVersion;
import io.esledger.application.eventstore.RecordedEvent;
import io.esledger.application.eventstore.StreamId;
import io.esledger.application.eventstore.WrongExpectedVersionException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * 16 writers race for the same version of one stream, round after round. Each round exactly one
 * wins; every loser is told stream, expected and actual version; the stream ends up with every
 * version once, no gaps, and each commit's events side by side.
 */
class ConcurrentAppendIT extends ElasticsearchNodeSupport {

  private static final int WRITERS = 16;
  private static final int ROUNDS = 300;

  private final StreamId stream = new StreamId("Raced", "hot-stream");

  @Test
  void every_version_is_won_by_exactly_one_writer() throws Exception {
    Map<String, Integer> committed = new LinkedHashMap<>();
    List<WrongExpectedVersionException> conflicts = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    CyclicBarrier start = new CyclicBarrier(WRITERS);
    int version = 0;
    try {
      for (int round = 0; round < ROUNDS; round++) {
        List<Future<Integer>> attempts = new ArrayList<>();
        for (int writer = 0; writer < WRITERS; writer++) {
          attempts.add(pool.submit(attempt(round, writer, version, start)));
        }
        int winners = 0;
        for (int writer = 0; writer < WRITERS; writer++) {
          try {
            int size = attempts.get(writer).get();
            committed.put("r" + round + "w" + writer, size);
            version += size;
            winners++;
          } catch (java.util.concurrent.ExecutionException e) {
            conflicts.add((WrongExpectedVersionException) e.getCause());
          }
        }
        assertThat(winners).as("winners of round %d", round).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }

    List<RecordedEvent> read = store.read(stream, 1);
    assertThat(read).extracting(RecordedEvent::version)
        .containsExactlyElementsOf(IntStream.rangeClosed(1, version).boxed().toList());
    assertThat(commitsInOrder(read)).containsExactlyEntriesOf(committed);
    assertThat(conflicts).hasSize(ROUNDS * (WRITERS - 1)).allSatisfy(c -> {
      assertThat(c.stream()).isEqualTo(stream);
      assertThat(c.actual()).isGreaterThan(c.expected().value());
    });
    assertThat(indexedDocuments()).isEqualTo(version);
  }

  /** Writers append commits of 1 to 3 events, so commits of different sizes collide. */
  private Callable<Integer> attempt(int round, int writer, int version, CyclicBarrier start) {
    return () -> {
      int size = 1 + (round + writer) % 3;
      start.await();
      store.append(stream, ExpectedVersion.exactly(version), events(size, "r" + round + "w" + writer));
      return size;
    };
  }

  /** The commits in the stream in version order, each with how many events stand side by side. */
  private static Map<String, Integer> commitsInOrder(List<RecordedEvent> events) {
    Map<String, Integer> commits = new LinkedHashMap<>();
    String previous = null;
    for (RecordedEvent e : events) {
      String command = e.metadata().commandId();
      if (!command.equals(previous)) {
        assertThat(commits).as("commit %s is interleaved with another", command).doesNotContainKey(command);
      }
      commits.merge(command, 1, Integer::sum);
      previous = command;
    }
    return commits;
  }
}
