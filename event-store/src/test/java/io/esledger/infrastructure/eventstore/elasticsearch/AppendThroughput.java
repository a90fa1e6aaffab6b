package io.esledger.infrastructure.eventstore.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.esledger.application.eventstore.ExpectedVersion;
import io.esledger.application.eventstore.NewEvent;
import io.esledger.application.eventstore.StreamId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A quick, honest look at append throughput: the store's append (one event per new stream) next to
 * a raw single-document create of the same documents, at the same concurrency, on the same node.
 * Not a test. Run: java -cp <event-store test classpath> ...AppendThroughput http://127.0.0.1:9200 16 5000
 */
public final class AppendThroughput {

  public static void main(String[] args) throws Exception {
    String url = args[0];
    int writers = Integer.parseInt(args[1]);
    int appends = Integer.parseInt(args[2]);
    for (int run = 1; run <= 3; run++) {
      System.out.printf("run %d, %d writers, %d appends: store %s | raw create %s%n", run, writers, appends,
          measure(url, writers, appends, true), measure(url, writers, appends, false));
    }
  }

  private static String measure(String url, int writers, int appends, boolean viaStore) throws Exception {
    String prefix = "bench-" + System.nanoTime() + "-";
    ElasticsearchSettings settings = ElasticsearchSettings.local(url, prefix);
    ElasticsearchClient client = ElasticsearchClients.create(settings);
    EventIndex index = new EventIndex(client, settings);
    index.ensureExists();
    ElasticsearchEventStore store = new ElasticsearchEventStore(client, index, r -> {});
    EventDocuments documents = new EventDocuments(ElasticsearchClients.objectMapper());
    long[] latencies = new long[appends];
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    List<Future<?>> done = new ArrayList<>();
    long start = System.nanoTime();
    for (int w = 0; w < writers; w++) {
      done.add(pool.submit(() -> {
        for (int i = next.getAndIncrement(); i < appends; i = next.getAndIncrement()) {
          StreamId stream = new StreamId("Bench", "s-" + i);
          List<NewEvent> events = ElasticsearchNodeSupport.events(1, "c-" + i);
          long t0 = System.nanoTime();
          if (viaStore) {
            store.append(stream, ExpectedVersion.NO_STREAM, events);
          } else {
            ObjectNode doc = documents.commit(stream, 1, events).get(0);
            client.create(c -> c.index(index.name()).id(EventDocuments.id(stream, 1)).routing(stream.value()).document(doc));
          }
          latencies[i] = System.nanoTime() - t0;
        }
        return null;
      }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    store.close();
    client.indices().delete(d -> d.index(index.name()));
    client._transport().close();
    Arrays.sort(latencies);
    return String.format("%.0f/s p50 %.2f ms p99 %.2f ms", appends / seconds, latencies[appends / 2] / 1e6,
        latencies[(int) (appends * 0.99)] / 1e6);
  }
}
