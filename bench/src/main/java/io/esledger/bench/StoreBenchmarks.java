package io.esledger.bench;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.esledger.analytics.projection.PaymentsReadModel;
import io.esledger.analytics.projection.RebuildProgress;
import io.esledger.application.CommandContext;
import io.esledger.application.PaymentCommandHandler;
import io.esledger.application.PaymentStreams;
import io.esledger.application.eventstore.AppendOutcome;
import io.esledger.application.eventstore.AppendRequest;
import io.esledger.application.eventstore.EventMetadata;
import io.esledger.application.eventstore.ExpectedVersion;
import io.esledger.application.eventstore.NewEvent;
import io.esledger.application.eventstore.StreamId;
import io.esledger.bench.Report.Row;
import io.esledger.domain.model.payment.AuthorizePayment;
import io.esledger.domain.model.payment.CapturePayment;
import io.esledger.domain.model.payment.Money;
import io.esledger.domain.model.payment.OpenDispute;
import io.esledger.domain.model.payment.PaymentCommand;
import io.esledger.domain.model.payment.PaymentId;
import io.esledger.domain.model.payment.ReasonCode;
import io.esledger.domain.model.payment.RefundPayment;
import io.esledger.domain.model.payment.ResolveDispute;
import io.esledger.infrastructure.elasticsearch.ElasticsearchClients;
import io.esledger.infrastructure.eventstore.elasticsearch.ElasticsearchEventStore;
import io.esledger.infrastructure.elasticsearch.ElasticsearchSettings;
import io.esledger.infrastructure.eventstore.elasticsearch.EventDocuments;
import io.esledger.infrastructure.eventstore.elasticsearch.EventIndex;
import io.esledger.infrastructure.serialization.JsonbPaymentEventSerializer;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.HdrHistogram.Histogram;

/**
 * The event store against raw Elasticsearch, same node, same client, byte-identical documents
 * (P1, P2s, P3, P5 of the performance targets). Each workload runs 3 times after a warm-up; the table gives the median
 * and the spread (min–max) and the ratio to the raw baseline measured in the same run.
 *
 * <p>{@code --scale smoke} finishes in about a minute and runs in {@code mvn verify} to keep the
 * harness compiling and working (no timing is asserted); {@code --scale full} gives the numbers.
 */
public final class StoreBenchmarks {

  private static final int RUNS = 3;

  private final ElasticsearchClient client;
  private final String url;
  private final Scale scale;
  private final EventDocuments documents = new EventDocuments(ElasticsearchClients.objectMapper());

  record Scale(String name, int batchedEvents, int singleAppends, int historyReads, int replayEvents,
      int rebuildEvents) {
    static Scale of(String name) {
      return switch (name) {
        case "smoke" -> new Scale(name, 2_000, 300, 30, 1_000, 5_000);
        case "full" -> new Scale(name, 100_000, 8_000, 500, 10_000, 200_000);
        default -> throw new IllegalArgumentException("--scale smoke|full");
      };
    }
  }

  private StoreBenchmarks(String url, Scale scale) {
    this.url = url;
    this.scale = scale;
    this.client = ElasticsearchClients.create(ElasticsearchSettings.local(url, "unused-"));
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = Options.parse(args);
    Scale scale = Scale.of(options.getOrDefault("scale", "smoke"));
    Path out = Path.of(options.getOrDefault("out", "target/benchmarks-" + scale.name() + ".md"));
    StoreBenchmarks bench = new StoreBenchmarks(options.getOrDefault("es", "http://127.0.0.1:9200"), scale);
    try {
      // --only P1,P2s,P3,P5 runs a part (for before/after comparisons of one change); default: all
      List<String> only = List.of(options.getOrDefault("only", "P1,P2s,P3,P5").split(","));
      List<Row> rows = new ArrayList<>();
      if (only.contains("P1")) {
        rows.add(bench.batchedAppends());
      }
      if (only.contains("P2s")) {
        rows.add(bench.singleAppends(1));
        rows.add(bench.singleAppends(16));
      }
      if (only.contains("P3")) {
        rows.add(bench.historyReads());
        rows.add(bench.paymentLives());
        rows.add(bench.replay());
      }
      if (only.contains("P5")) {
        rows.add(bench.rebuild());
      }
      String report = Report.markdown("Event store vs raw Elasticsearch, scale `" + scale.name() + "`",
          "StoreBenchmarks " + String.join(" ", args),
          List.of("each figure: median of 3 runs after a warm-up run (spread min–max); raw = the same documents, "
              + "same client, same node, measured in the same run"),
          "event store", rows, List.of());
      Files.createDirectories(out.toAbsolutePath().getParent());
      Files.writeString(out, report);
      System.out.println(report);
    } finally {
      bench.client._transport().close(); // its I/O threads would keep Maven's exec:java waiting
    }
  }

  // ---- P1: batches of 1000 events over 1000 new streams -------------------------------------------

  private Row batchedAppends() throws Exception {
    Series store = new Series();
    Series raw = new Series();
    for (int run = 0; run <= RUNS; run++) { // run 0 warms up
      boolean measured = run > 0;
      try (Fresh f = fresh()) {
        long t0 = System.nanoTime();
        for (int b = 0; b < scale.batchedEvents() / 1000; b++) {
          List<AppendRequest> batch = new ArrayList<>();
          for (int i = 0; i < 1000; i++) {
            batch.add(new AppendRequest(stream("p1-" + b + "-" + i), ExpectedVersion.NO_STREAM, List.of(event(i))));
          }
          for (AppendOutcome o : f.store.appendAll(batch)) {
            if (!o.isStored()) {
              throw new IllegalStateException("append refused: " + o.failure());
            }
          }
        }
        if (measured) {
          store.add(scale.batchedEvents() / seconds(t0));
        }
      }
      try (Fresh f = fresh()) {
        long t0 = System.nanoTime();
        for (int b = 0; b < scale.batchedEvents() / 1000; b++) {
          int batchNo = b;
          var response = client.bulk(bulk -> {
            for (int i = 0; i < 1000; i++) {
              StreamId s = stream("p1-" + batchNo + "-" + i);
              ObjectNode doc = documents.commit(s, 1, List.of(event(i))).get(0);
              bulk.operations(op -> op.create(c -> c.index(f.index.name()).id(EventDocuments.id(s, 1))
                  .routing(s.value()).document(doc)));
            }
            return bulk;
          });
          if (response.errors()) {
            throw new IllegalStateException("raw bulk had errors");
          }
        }
        if (measured) {
          raw.add(scale.batchedEvents() / seconds(t0));
        }
      }
    }
    return new Row("P1", "appendAll, 1000 events/request over new streams (" + scale.batchedEvents() + " events), events/s",
        store.rate(), raw.rate(), ratio(store.median(), raw.median()), "≥ 0.85");
  }

  // ---- P2s: one event per new stream, N writers ---------------------------------------------------

  private Row singleAppends(int writers) throws Exception {
    Series store = new Series();
    Series raw = new Series();
    Histogram storeLatency = new Histogram(3);
    Histogram rawLatency = new Histogram(3);
    for (int run = 0; run <= RUNS; run++) {
      boolean measured = run > 0;
      try (Fresh f = fresh()) {
        double rate = concurrently(writers, appends(writers), i -> f.store.append(stream("p2-" + i),
            ExpectedVersion.NO_STREAM, List.of(event(i))), measured ? storeLatency : null);
        if (measured) {
          store.add(rate);
        }
      }
      try (Fresh f = fresh()) {
        double rate = concurrently(writers, appends(writers), i -> {
          StreamId s = stream("p2-" + i);
          ObjectNode doc = documents.commit(s, 1, List.of(event(i))).get(0);
          try {
            client.create(c -> c.index(f.index.name()).id(EventDocuments.id(s, 1)).routing(s.value()).document(doc));
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }, measured ? rawLatency : null);
        if (measured) {
          raw.add(rate);
        }
      }
    }
    return new Row("P2s", "append, 1 event per new stream, " + writers + " writer(s), appends/s (p50 / p99 ms)",
        store.rate() + " (" + Report.ms(storeLatency, 50) + " / " + Report.ms(storeLatency, 99) + ")",
        raw.rate() + " (" + Report.ms(rawLatency, 50) + " / " + Report.ms(rawLatency, 99) + ")",
        ratio(store.median(), raw.median()), writers == 16 ? "≥ 9,432/s (peer)" : "—");
  }

  /** A lone writer is slow: a quarter of the appends keeps its runs as long as the others'. */
  private int appends(int writers) {
    return writers == 1 ? scale.singleAppends() / 4 : scale.singleAppends();
  }

  // ---- P3: reading a 100-event stream, replaying a long one ---------------------------------------

  private Row historyReads() throws Exception {
    Histogram store = new Histogram(3);
    Histogram raw = new Histogram(3);
    try (Fresh f = fresh()) {
      StreamId s = stream("p3-history");
      for (int v = 0; v < 100; v++) {
        f.store.append(s, ExpectedVersion.exactly(v), List.of(event(v)));
      }
      List<String> ids = new ArrayList<>();
      for (int v = 1; v <= 100; v++) {
        ids.add(EventDocuments.id(s, v));
      }
      for (int run = 0; run <= RUNS; run++) {
        for (int r = 0; r < scale.historyReads(); r++) {
          long t0 = System.nanoTime();
          if (f.store.read(s, 1).size() != 100) {
            throw new IllegalStateException("short read");
          }
          long t1 = System.nanoTime();
          client.mget(m -> m.index(f.index.name()).routing(s.value()).ids(ids), ObjectNode.class);
          long t2 = System.nanoTime();
          if (run > 0) {
            store.recordValue((t1 - t0) / 1000);
            raw.recordValue((t2 - t1) / 1000);
          }
        }
      }
    }
    return new Row("P3", "read a 100-event stream (" + scale.historyReads() * RUNS + " reads), p50 / p99 ms; raw = one mget of the 100 ids",
        Report.ms(store, 50) + " / " + Report.ms(store, 99), Report.ms(raw, 50) + " / " + Report.ms(raw, 99),
        ratio(store.getValueAtPercentile(99), raw.getValueAtPercentile(99)) + " (p99)", "p99 ≤ 10 ms");
  }

  /**
   * Whole payment lives through the command handler: authorize, 12 partial captures (the last also
   * completes capturing: a commit of two events), 6 partial refunds, a dispute opened and won — 21
   * commands, 22 events. Each command reads the stream, decides and appends. Raw = the least any
   * store must do for it on the same node: one multi-get of the ids the stream has at that moment,
   * then one {@code _bulk} creating as many documents as the command recorded (byte-identical
   * shapes, in a shadow stream).
   */
  private Row paymentLives() throws Exception {
    Histogram command = new Histogram(3);
    Histogram raw = new Histogram(3);
    int warmUp = 5;
    int lives = Math.max(5, scale.historyReads() / 10);
    try (Fresh f = fresh()) {
      PaymentCommandHandler handler = new PaymentCommandHandler(f.store, new JsonbPaymentEventSerializer(),
          Clock.systemUTC());
      for (int life = 0; life < warmUp + lives; life++) {
        PaymentId id = new PaymentId("p3-life-" + life);
        StreamId s = PaymentStreams.of("org-1", id);
        StreamId shadow = stream("p3-raw-life-" + life);
        List<PaymentCommand> steps = new ArrayList<>();
        steps.add(new AuthorizePayment(id, Money.of(new BigDecimal("1200.00"), "EUR"), OptionalInt.empty()));
        for (int c = 0; c < 12; c++) {
          steps.add(new CapturePayment(id, new BigDecimal("100.00"), false, OptionalInt.empty()));
        }
        for (int r = 0; r < 6; r++) {
          steps.add(new RefundPayment(id, new BigDecimal("10.00"), "bench", OptionalInt.empty()));
        }
        steps.add(new OpenDispute(id, new BigDecimal("50.00"), new ReasonCode("FRAUD"), OptionalInt.empty()));
        steps.add(new ResolveDispute(id, true, OptionalInt.empty()));
        int version = 0;
        for (PaymentCommand step : steps) {
          List<String> ids = new ArrayList<>();
          for (int v = 1; v <= version; v++) {
            ids.add(EventDocuments.id(shadow, v));
          }
          long t0 = System.nanoTime();
          int before = version;
          version = handler.handle(step, new CommandContext(null, null, null, "org-1", "user-1")).version();
          long t1 = System.nanoTime();
          if (!ids.isEmpty()) {
            client.mget(m -> m.index(f.index.name()).routing(shadow.value()).ids(ids), ObjectNode.class);
          }
          List<NewEvent> recorded = new ArrayList<>();
          for (int v = before + 1; v <= version; v++) {
            recorded.add(event(v));
          }
          List<ObjectNode> docs = documents.commit(shadow, before + 1, recorded);
          BulkRequest.Builder bulk = new BulkRequest.Builder().index(f.index.name());
          for (int k = 0; k < docs.size(); k++) {
            String docId = EventDocuments.id(shadow, before + 1 + k);
            ObjectNode doc = docs.get(k);
            bulk.operations(o -> o.create(c -> c.id(docId).routing(shadow.value()).document(doc)));
          }
          client.bulk(bulk.build());
          long t2 = System.nanoTime();
          if (life >= warmUp) {
            command.recordValue((t1 - t0) / 1000);
            raw.recordValue((t2 - t1) / 1000);
          }
        }
        if (version != 22) {
          throw new IllegalStateException("a life ended at version " + version);
        }
      }
    }
    return new Row("P3", "a payment's whole life (" + lives + " lives of 21 commands, 22 events, after " + warmUp
        + " to warm up), per command (read + decide + append), p50 / p99 ms; raw = mget of the stream's ids + one "
        + "_bulk of the command's documents",
        Report.ms(command, 50) + " / " + Report.ms(command, 99), Report.ms(raw, 50) + " / " + Report.ms(raw, 99),
        ratio(command.getValueAtPercentile(50), raw.getValueAtPercentile(50)) + " (p50)", "p50 ≤ 2× raw");
  }

  private Row replay() throws Exception {
    Series store = new Series();
    Series raw = new Series();
    try (Fresh f = fresh()) {
      StreamId s = stream("p3-replay");
      for (int from = 0; from < scale.replayEvents(); from += 1000) {
        List<NewEvent> events = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
          events.add(event(from + i));
        }
        f.store.append(s, ExpectedVersion.exactly(from), events);
      }
      List<String> ids = new ArrayList<>();
      for (int v = 1; v <= scale.replayEvents(); v++) {
        ids.add(EventDocuments.id(s, v));
      }
      for (int run = 0; run <= RUNS; run++) {
        ElasticsearchEventStore cold = new ElasticsearchEventStore(client, f.index, r -> {});
        long t0 = System.nanoTime();
        int read = cold.read(s, 1).size();
        long t1 = System.nanoTime();
        client.mget(m -> m.index(f.index.name()).routing(s.value()).ids(ids), ObjectNode.class);
        long t2 = System.nanoTime();
        cold.close();
        if (read != scale.replayEvents()) {
          throw new IllegalStateException("replay read " + read);
        }
        if (run > 0) {
          store.add((t1 - t0) / 1e6);
          raw.add((t2 - t1) / 1e6);
        }
      }
    }
    return new Row("P3", "replay a " + scale.replayEvents() + "-event stream, ms; raw = one mget of every id",
        store.spread("%.0f"), raw.spread("%.0f"), ratio(store.median(), raw.median()), "≤ 100 ms");
  }

  // ---- P5: rebuilding the payments read model --------------------------------------------------

  private Row rebuild() throws Exception {
    Series store = new Series();
    Series raw = new Series();
    try (Fresh f = fresh()) {
      for (int b = 0; b < scale.rebuildEvents() / 1000; b++) {
        List<AppendRequest> batch = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
          int n = b * 1000 + i;
          batch.add(new AppendRequest(stream("p5-" + n), ExpectedVersion.NO_STREAM, List.of(event(n))));
        }
        f.store.appendAll(batch);
      }
      client.indices().refresh(r -> r.index(f.index.name()));
      try (PaymentsReadModel model = new PaymentsReadModel(client, f.settings, f.index, f.store,
          new JsonbPaymentEventSerializer(), Clock.systemUTC())) {
        model.start(); // a rebuild pauses the live projection for its swap: it must run here
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!model.projector().active() && System.nanoTime() < deadline) {
          Thread.sleep(50);
        }
        for (int run = 0; run <= RUNS; run++) {
          RebuildProgress done = model.rebuild().run();
          if (!"DONE".equals(done.state()) || done.processedEvents() != scale.rebuildEvents()) {
            throw new IllegalStateException("rebuild: " + done);
          }
          long t0 = System.nanoTime();
          long scanned = scan(f.index.name());
          double rawRate = scanned / seconds(t0);
          if (run > 0) {
            store.add(done.eventsPerSecond());
            raw.add(rawRate);
          }
        }
        var behindAlias = client.indices().getAlias(g -> g.name(model.alias())).result().keySet();
        client.indices().delete(d -> d.index(List.copyOf(behindAlias)));
      }
    }
    return new Row("P5", "rebuild of the payments read model (" + scale.rebuildEvents() + " events), events/s; raw = "
        + "PIT + search_after scan in the same order, hits parsed", store.rate(), raw.rate(),
        ratio(store.median(), raw.median()), "≥ 0.5");
  }

  /** Reads every event of the index once, in stream order, as the rebuild does; returns how many. */
  private long scan(String index) throws Exception {
    String pit = client.openPointInTime(p -> p.index(index).keepAlive(k -> k.time("2m"))).id();
    long scanned = 0;
    List<co.elastic.clients.elasticsearch._types.FieldValue> after = null;
    while (true) {
      List<co.elastic.clients.elasticsearch._types.FieldValue> from = after;
      var page = client.search(s -> {
        s.pit(p -> p.id(pit).keepAlive(k -> k.time("2m")))
            .sort(o -> o.field(fs -> fs.field("streamId").order(co.elastic.clients.elasticsearch._types.SortOrder.Asc)))
            .sort(o -> o.field(fs -> fs.field("version").order(co.elastic.clients.elasticsearch._types.SortOrder.Asc)))
            .size(2000);
        if (from != null) {
          s.searchAfter(from);
        }
        return s;
      }, ObjectNode.class);
      var hits = page.hits().hits();
      if (hits.isEmpty()) {
        break;
      }
      scanned += hits.size();
      after = hits.get(hits.size() - 1).sort();
    }
    client.closePointInTime(c -> c.id(pit));
    return scanned;
  }

  // ---- helpers ------------------------------------------------------------------------------------

  private double concurrently(int writers, int total, IntConsumer work, Histogram latency) throws Exception {
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    List<Future<?>> done = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int w = 0; w < writers; w++) {
      done.add(pool.submit(() -> {
        for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
          long s = System.nanoTime();
          work.accept(i);
          if (latency != null) {
            synchronized (latency) {
              latency.recordValue((System.nanoTime() - s) / 1000);
            }
          }
        }
        return null;
      }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    return total / seconds(t0);
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private static String ratio(double store, double raw) {
    return String.format(Locale.ROOT, "%.2f×", store / raw);
  }

  private static StreamId stream(String id) {
    return new StreamId("Payment", id);
  }

  /** A payment-shaped event (its JSON is what the app stores for PaymentProcessed, schema version 2). */
  private static NewEvent event(int i) {
    String data = "{\"amount\":\"" + (100 + i % 900) + ".25\",\"currency\":\"EUR\",\"occurredAt\":"
        + "\"2026-11-26T10:00:00Z\",\"paymentId\":\"p-" + i + "\"}";
    return new NewEvent(UUID.randomUUID().toString(), "PaymentProcessed", 2, data, Instant.parse("2026-11-26T10:00:00Z"),
        new EventMetadata("corr-" + i, "corr-" + i, "org-" + i % 20, "user-" + i % 200, "cmd-" + i));
  }

  /** A fresh event index (own prefix) and a store on it, deleted afterwards. */
  private Fresh fresh() {
    String prefix = "bench-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    ElasticsearchSettings settings = ElasticsearchSettings.local(url, prefix);
    EventIndex index = new EventIndex(client, settings);
    index.ensureExists();
    return new Fresh(settings, index, new ElasticsearchEventStore(client, index, r -> {}));
  }

  private final class Fresh implements AutoCloseable {
    final ElasticsearchSettings settings;
    final EventIndex index;
    final ElasticsearchEventStore store;

    Fresh(ElasticsearchSettings settings, EventIndex index, ElasticsearchEventStore store) {
      this.settings = settings;
      this.index = index;
      this.store = store;
    }

    @Override
    public void close() throws Exception {
      store.close();
      client.indices().delete(d -> d.index(index.name()));
    }
  }
}
