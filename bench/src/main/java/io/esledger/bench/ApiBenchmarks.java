package io.esledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.esledger.bench.Http.BenchException;
import io.esledger.bench.Report.Row;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * The app over HTTP against Elasticsearch over HTTP, same driver, same machine, same run (P2, P4 and
 * P6 of the performance targets), against a running app (bench/run.sh starts one with ./run.sh on a fresh data dir).
 *
 * <ul>
 *   <li>P2: {@code processPayment} (one new payment per request) from 1, 4 and 16 closed-loop clients,
 *       each with its own HTTP/1.1 connection; baseline: a raw single-document {@code _create} of a
 *       document the app itself stored, at the same concurrency.</li>
 *   <li>P4: {@code eventStatistics} and {@code eventTrends} over the seeded event index, uncached (the
 *       range end moves back one second per call, so neither the app's cache nor Elasticsearch's request
 *       cache can answer) and cached (the same range every call); baseline: the same aggregation, as
 *       JSON, sent to {@code _search} with the same range sequence.</li>
 *   <li>P6: resident memory (VmRSS) of the Liberty and Elasticsearch processes at rest and at the peak
 *       of P2; the start-up times measured by bench/run.sh are passed in and reported.</li>
 * </ul>
 */
public final class ApiBenchmarks {

  private static final int RUNS = 3;
  private static final String PROCESS_PAYMENT = "mutation($input: ProcessPaymentInput!) { processPayment(input: $input) "
      + "{ paymentId version } }";
  private static final String STATISTICS = "query($type: String!, $from: DateTime!, $to: DateTime!) { "
      + "eventStatistics(eventType: $type, from: $from, to: $to) { total "
      + "byHour { date count } byOrganization { key count } byUser { key count } } }";
  private static final String TRENDS = "query($type: String!, $from: DateTime!, $to: DateTime!) { "
      + "eventTrends(eventType: $type, from: $from, to: $to, interval: HOUR) { date count } }";

  record Scale(String name, int warmupSeconds, int seconds, long events, int aggregationCalls) {
    static Scale of(String name) {
      return switch (name) {
        // seconds of load to warm the JIT up; seconds per P2 run; events in the index for P4; timed
        // calls per P4 case
        case "smoke" -> new Scale(name, 3, 2, 20_000, 10);
        case "full" -> new Scale(name, 20, 10, 1_000_000, 30);
        default -> throw new IllegalArgumentException("--scale smoke|full");
      };
    }
  }

  /** One wrk run: throughput and latency percentiles. */
  record Load(double perSecond, double p50Millis, double p99Millis) {}

  private final Http http = new Http();
  private final Map<String, String> options;
  private final Scale scale;
  private final String graphqlUrl;
  private final String es;
  private final String index;
  private final GraphQl graphql;
  private final List<Row> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private String peakRss = "—";

  private ApiBenchmarks(Map<String, String> options) {
    this.options = options;
    this.scale = Scale.of(options.getOrDefault("scale", "smoke"));
    this.graphqlUrl = options.getOrDefault("graphql", "http://localhost:9080/graphql");
    this.es = options.getOrDefault("es", "http://127.0.0.1:9200");
    this.index = options.getOrDefault("index", "ledger-events");
    this.graphql = new GraphQl(http, graphqlUrl);
  }

  public static void main(String[] args) throws Exception {
    ApiBenchmarks bench = new ApiBenchmarks(Options.parse(args));
    Path out = Path.of(bench.options.getOrDefault("out", "target/benchmarks-api-" + bench.scale.name() + ".md"));
    try {
      bench.startup();
      String atRest = bench.rss();
      // --only P2,P4 runs a part (for before/after comparisons of one change); default: all
      List<String> only = List.of(bench.options.getOrDefault("only", "P2,P4").split(","));
      if (only.contains("P2")) {
        bench.processPayments();
      }
      if (only.contains("P4")) {
        bench.aggregations();
      }
      String report = bench.markdown(String.join(" ", args), atRest);
      Files.createDirectories(out.toAbsolutePath().getParent());
      Files.writeString(out, report);
      System.out.println(report);
    } catch (BenchException e) {
      System.err.println("ABORTED: " + e.getMessage());
      System.exit(1);
    }
  }

  // ---- P6: start-up (measured by bench/run.sh) -----------------------------------------------------

  private void startup() {
    String cold = options.get("startup-cold-ms");
    String warm = options.get("startup-warm-ms");
    if (cold != null || warm != null) {
      rows.add(new Row("P6", "time from `./run.sh` to the first GraphQL answer, fresh data dir (cold) / restart (warm), s",
          "cold " + seconds(cold) + " / warm " + seconds(warm), "—", "—", "warm ≤ 30 s"));
    }
  }

  private static String seconds(String millis) {
    return millis == null ? "—" : String.format(Locale.ROOT, "%.1f", Long.parseLong(millis) / 1000.0);
  }

  // ---- P2: processPayment over HTTP/GraphQL against raw single-document creates, both driven by wrk --------

  private void processPayments() throws IOException, InterruptedException {
    Path document = Files.createTempFile("bench-document", ".json");
    Files.write(document, storedDocument());
    Path script = script("new-payments.lua");
    String rawIndex = "bench-p2-raw-" + run;
    createIndexLike(rawIndex);
    String rawUrl = es + "/" + rawIndex;
    int[] clients = {1, 4, 16};
    RssSampler peak = new RssSampler(pids());
    // a fresh JVM compiles for its first ~10,000 requests (C2 was busy for 30 s of CPU here): not measured
    System.err.printf(Locale.ROOT, "[bench] P2: warming up for %d s each: processPayment, raw creates%n",
        scale.warmupSeconds());
    wrk(4, scale.warmupSeconds(), script, graphqlUrl, "graphql", "warmup");
    wrk(4, scale.warmupSeconds(), script, rawUrl, "create", "warmup", document.toString());
    for (int c : clients) {
      Series app = new Series();
      Series raw = new Series();
      Series appP50 = new Series();
      Series appP99 = new Series();
      Series rawP50 = new Series();
      Series rawP99 = new Series();
      for (int r = 1; r <= RUNS; r++) {
        String tag = "r" + r + "c" + c;
        if (c == 16) {
          peak.start();
        }
        Load a = wrk(c, scale.seconds(), script, graphqlUrl, "graphql", tag);
        if (c == 16) {
          peak.stop();
        }
        Load b = wrk(c, scale.seconds(), script, rawUrl, "create", tag, document.toString());
        app.add(a.perSecond());
        raw.add(b.perSecond());
        appP50.add(a.p50Millis());
        appP99.add(a.p99Millis());
        rawP50.add(b.p50Millis());
        rawP99.add(b.p99Millis());
      }
      System.err.printf(Locale.ROOT, "[bench] P2 %d client(s): app %s (p99 %.1f ms), raw %s (p99 %.1f ms)%n", c,
          app.rate(), appP99.median(), raw.rate(), rawP99.median());
      rows.add(new Row("P2", "`processPayment` over HTTP/GraphQL, " + c + " connection(s), " + scale.seconds()
          + " s a run, new payments/s (p50 / p99 ms)",
          app.rate() + " (" + ms(appP50) + " / " + ms(appP99) + ")",
          raw.rate() + " (" + ms(rawP50) + " / " + ms(rawP99) + ")",
          String.format(Locale.ROOT, "%.2f×", app.median() / raw.median()),
          c == 16 ? "≥ 2,000/s, p99 ≤ 50 ms" : "—"));
    }
    delete(rawIndex);
    peakRss = peak.describe();
  }

  private static String ms(Series millis) {
    return String.format(Locale.ROOT, "%.2f", millis.median());
  }

  /**
   * One wrk run: {@code connections} closed-loop clients (one connection each) for {@code seconds};
   * {@code mode}, an id tag and the document file (for "create") go to the script.
   */
  private Load wrk(int connections, int seconds, Path script, String url, String mode, String tag, String... document)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("wrk", "-t", Integer.toString(Math.min(2, connections)),
        "-c", Integer.toString(connections), "-d", seconds + "s", "--timeout", "10s", "-s", script.toString(), url,
        "--", mode, run + "-" + tag));
    command.addAll(List.of(document));
    Process wrk;
    try {
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.environment().put("LEDGER_TOKEN", Tokens.forOrganization("org-1"));
      wrk = builder.start();
    } catch (IOException e) {
      throw new BenchException("cannot run wrk (Debian: apt-get install wrk): " + e.getMessage(), e);
    }
    String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (wrk.waitFor() != 0) {
      throw new BenchException("wrk failed: " + out);
    }
    if (out.contains("FAILED ")) {
      throw new BenchException("requests failed under load: " + Http.abbreviated(out));
    }
    Matcher m = Pattern.compile("RESULT requests=(\\d+) duration_us=(\\d+) errors=(\\d+) p50_us=(\\d+) p99_us=(\\d+)")
        .matcher(out);
    if (!m.find()) {
      throw new BenchException("no RESULT line from wrk: " + out);
    }
    if (Long.parseLong(m.group(3)) > 0) {
      throw new BenchException(m.group(3) + " socket errors or timeouts under load: " + out);
    }
    return new Load(Long.parseLong(m.group(1)) * 1e6 / Long.parseLong(m.group(2)),
        Long.parseLong(m.group(4)) / 1000.0, Long.parseLong(m.group(5)) / 1000.0);
  }

  private static Path script(String name) throws IOException {
    Path file = Files.createTempFile("bench-", "-" + name);
    try (var in = ApiBenchmarks.class.getResourceAsStream("/wrk/" + name)) {
      Files.write(file, in.readAllBytes());
    }
    return file;
  }

  /** A document the app stored (after a warm-up payment): the raw baseline writes the same bytes. */
  private byte[] storedDocument() {
    graphql.data("processPayment", PROCESS_PAYMENT, (ObjectNode) Http.JSON.createObjectNode()
        .set("input", Http.JSON.createObjectNode().put("paymentId", "p2-" + run + "-template").put("amount", "12.34")
            .put("currency", "EUR").put("organizationId", "org-1").put("userId", "bench")));
    // the stream of org-1's payment (the organization of the drivers' token)
    String stream = URLEncoder.encode("Payment:org-1/p2-" + run + "-template", StandardCharsets.UTF_8);
    Http.Response r = http.get(es + "/" + index + "/_doc/" + stream + "%3A1?routing=" + stream);
    JsonNode source = r.json().path("_source");
    if (r.status() != 200 || source.isMissingNode()) {
      throw new BenchException("cannot read back the app's document: HTTP " + r.status() + " " + Http.abbreviated(r.text()));
    }
    return source.toString().getBytes(StandardCharsets.UTF_8);
  }

  private void createIndexLike(String name) {
    JsonNode settings = http.get(es + "/" + index + "/_mapping").json().path(index).path("mappings");
    ObjectNode body = Http.JSON.createObjectNode();
    body.putObject("settings").put("number_of_shards", 1).put("number_of_replicas", 0);
    body.set("mappings", settings);
    Http.Response r = http.put(es + "/" + name, body.toString().getBytes(StandardCharsets.UTF_8));
    if (r.status() != 200) {
      throw new BenchException("cannot create " + name + ": " + r.text());
    }
  }

  private void delete(String name) {
    http.delete(es + "/" + name);
  }

  private static Histogram histogram() {
    return new Histogram(60_000_000L, 3);
  }

  // ---- P4: statistics and trends over the seeded index against the same aggregation sent raw ------------

  private void aggregations() {
    EventSeeder seeder = new EventSeeder(http, es, index, Instant.now());
    System.err.printf(Locale.ROOT, "[bench] P4: seeding %s up to %,d events%n", index, scale.events());
    EventSeeder.Seeded seeded = seeder.seed(scale.events());
    long inIndex = seeder.countAll();
    System.err.printf(Locale.ROOT, "[bench] P4: %,d documents in the index (%,d written in %,d ms)%n", inIndex,
        seeded.written(), seeded.millis());
    awaitProjectionDrained();
    Instant to = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Instant from = to.minus(7, ChronoUnit.DAYS);
    graphqlFloor();
    aggregation("eventStatistics (7 days: total, per hour, top 10 organizations and users)", "eventStatistics",
        STATISTICS, from, to, inIndex, true);
    aggregation("eventTrends (7 days, per hour)", "eventTrends", TRENDS, from, to, inIndex, false);
  }

  private void aggregation(String label, String field, String query, Instant from, Instant to, long inIndex,
      boolean statistics) {
    int calls = scale.aggregationCalls();
    int warmup = 5;
    Histogram app = histogram();
    Histogram raw = histogram();
    Histogram cached = histogram();
    // the same range sequence for both; call i ends i seconds earlier (never repeats, never cached);
    // which of the two goes first alternates, so neither always finds the other's warm caches
    for (int i = 0; i < warmup + calls; i++) {
      Instant end = to.minusSeconds(1 + i);
      long rawNanos = i % 2 == 1 ? rawAggregation(from, end, statistics, null, false) : 0;
      GraphQl.Timed answer = graphql.execute(field, query, variables(from, end));
      if (i % 2 == 0) {
        rawNanos = rawAggregation(from, end, statistics, answer.data().path(field), i == 0);
      }
      if (i >= warmup) {
        app.recordValue(answer.nanos() / 1000);
        raw.recordValue(rawNanos / 1000);
      }
    }
    for (int i = 0; i < warmup + calls; i++) {
      GraphQl.Timed answer = graphql.execute(field, query, variables(from, to));
      if (i >= warmup) {
        cached.recordValue(answer.nanos() / 1000);
      }
    }
    String events = String.format(Locale.ROOT, "%,d", inIndex);
    rows.add(new Row("P4", label + " over " + events + " events, uncached, p50 / p99 ms (" + calls + " calls)",
        Report.ms(app, 50) + " / " + Report.ms(app, 99), Report.ms(raw, 50) + " / " + Report.ms(raw, 99),
        String.format(Locale.ROOT, "%.2f× (p50)", app.getValueAtPercentile(50) / (double) raw.getValueAtPercentile(50)),
        "≤ 1.1×"));
    rows.add(new Row("P4", label + ", cached (same range every call), p50 / p99 ms over HTTP",
        Report.ms(cached, 50) + " / " + Report.ms(cached, 99), "—", "—", "≤ 1 ms"));
    System.err.printf(Locale.ROOT, "[bench] P4 %s: uncached p50 %s ms (raw %s ms), cached p50 %s ms%n", field,
        Report.ms(app, 50), Report.ms(raw, 50), Report.ms(cached, 50));
  }

  /**
   * P2 leaves the payments projection with a backlog that it works off in the background; timing
   * queries meanwhile would time that work too. Waits (at most 5 minutes) and reports how long.
   */
  private void awaitProjectionDrained() {
    long t0 = System.nanoTime();
    int backlog = -1;
    int first = -1;
    while (System.nanoTime() - t0 < 300_000_000_000L) {
      JsonNode status = graphql.data("projectionStatus", "{ projectionStatus { backlog appliedEvents maxLagMillis } }",
          null).path("projectionStatus");
      backlog = status.path("backlog").asInt();
      if (first < 0) {
        first = backlog;
      }
      if (backlog == 0) {
        notes.add(String.format(Locale.ROOT, "After P2 the payments projection had %,d payment events queued; it "
            + "worked them off in %.1f s (it had applied %,d events; its largest lag: %,d ms).", first,
            (System.nanoTime() - t0) / 1e9, status.path("appliedEvents").asLong(), status.path("maxLagMillis").asLong()));
        return;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    notes.add("After P2 the payments projection still had " + backlog + " events queued after 5 minutes: P4 ran anyway.");
  }

  /** What any answer over HTTP costs here: {@code { __typename }} touches neither the app nor Elasticsearch. */
  private void graphqlFloor() {
    Histogram floor = histogram();
    for (int i = 0; i < 200 + scale.aggregationCalls() * 10; i++) {
      GraphQl.Timed answer = graphql.execute("__typename", "{ __typename }", null);
      if (i >= 200) {
        floor.recordValue(answer.nanos() / 1000);
      }
    }
    rows.add(new Row("P4", "floor: `{ __typename }` over HTTP (no resolver, no Elasticsearch), p50 / p99 ms",
        Report.ms(floor, 50) + " / " + Report.ms(floor, 99), "—", "—", "—"));
  }

  private static ObjectNode variables(Instant from, Instant to) {
    ObjectNode v = Http.JSON.createObjectNode();
    v.put("type", EventSeeder.EVENT_TYPE);
    v.put("from", from.toString());
    v.put("to", to.toString());
    return v;
  }

  /**
   * The aggregation the app sends for this query (EventSearch.statistics / trends), written out as
   * JSON; on the first call its total is checked against the app's answer.
   */
  private long rawAggregation(Instant from, Instant to, boolean statistics, JsonNode appAnswer, boolean check) {
    ObjectNode body = Http.JSON.createObjectNode();
    body.put("size", 0);
    if (statistics) {
      body.put("track_total_hits", true);
    }
    ObjectNode bool = body.putObject("query").putObject("bool");
    var filter = bool.putArray("filter");
    filter.addObject().putObject("term").putObject("eventType").put("value", EventSeeder.EVENT_TYPE);
    filter.addObject().putObject("range").putObject("timestamp").put("gte", from.toString()).put("lte", to.toString());
    ObjectNode aggs = body.putObject("aggregations");
    ObjectNode histogram = aggs.putObject(statistics ? "byHour" : "trends").putObject("date_histogram");
    histogram.put("field", "timestamp").put("calendar_interval", "1h").put("time_zone", "Z").put("min_doc_count", 0);
    histogram.putObject("extended_bounds").put("min", (double) from.toEpochMilli()).put("max", (double) to.toEpochMilli());
    if (statistics) {
      for (String[] terms : new String[][] {{"byOrganization", "metadata.organizationId"}, {"byUser", "metadata.userId"}}) {
        ObjectNode t = aggs.putObject(terms[0]).putObject("terms");
        t.put("field", terms[1]).put("size", 10);
        t.putArray("order").add(Http.JSON.createObjectNode().put("_count", "desc"))
            .add(Http.JSON.createObjectNode().put("_key", "asc"));
      }
    }
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    long t0 = System.nanoTime();
    Http.Response r = http.post(es + "/" + index + "/_search", "application/json", bytes);
    long nanos = System.nanoTime() - t0;
    if (r.status() != 200) {
      throw new BenchException("raw aggregation failed: HTTP " + r.status() + " " + Http.abbreviated(r.text()));
    }
    if (check) {
      JsonNode buckets = r.json().path("aggregations").path(statistics ? "byHour" : "trends").path("buckets");
      long rawSum = 0;
      for (JsonNode b : buckets) {
        rawSum += b.path("doc_count").asLong();
      }
      JsonNode appBuckets = statistics ? appAnswer.path("byHour") : appAnswer;
      long appSum = 0;
      for (JsonNode b : appBuckets) {
        appSum += b.path("count").asLong();
      }
      if (rawSum != appSum || buckets.size() != appBuckets.size()) {
        throw new BenchException("the raw aggregation is not the app's: " + buckets.size() + " buckets holding " + rawSum
            + " events, the app " + appBuckets.size() + " holding " + appSum);
      }
    }
    return nanos;
  }

  // ---- P6: resident memory ---------------------------------------------------------------------------

  private Map<String, Long> pids() {
    Map<String, Long> pids = new LinkedHashMap<>();
    if (options.containsKey("liberty-pid")) {
      pids.put("Liberty", Long.parseLong(options.get("liberty-pid")));
    }
    if (options.containsKey("es-pid")) {
      pids.put("Elasticsearch", Long.parseLong(options.get("es-pid")));
    }
    return pids;
  }

  private String rss() {
    return RssSampler.describe(RssSampler.read(pids()));
  }

  /** Samples VmRSS of the given processes every 100 ms while started; keeps the peak of their sum. */
  static final class RssSampler {
    private final Map<String, Long> pids;
    private volatile boolean running;
    private Thread thread;
    private Map<String, Long> peak = Map.of();
    private long peakSum;

    RssSampler(Map<String, Long> pids) {
      this.pids = pids;
    }

    void start() {
      running = true;
      thread = new Thread(() -> {
        while (running) {
          Map<String, Long> now = read(pids);
          long sum = now.values().stream().mapToLong(Long::longValue).sum();
          if (sum > peakSum) {
            peakSum = sum;
            peak = now;
          }
          try {
            Thread.sleep(100);
          } catch (InterruptedException e) {
            return;
          }
        }
      });
      thread.setDaemon(true);
      thread.start();
    }

    void stop() {
      running = false;
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    String describe() {
      return describe(peak);
    }

    /** kB of resident memory per process; a process that is gone is left out. */
    static Map<String, Long> read(Map<String, Long> pids) {
      Map<String, Long> kb = new LinkedHashMap<>();
      pids.forEach((name, pid) -> {
        try {
          for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
              kb.put(name, Long.parseLong(line.replaceAll("[^0-9]", "")));
            }
          }
        } catch (IOException e) {
          // gone
        }
      });
      return kb;
    }

    static String describe(Map<String, Long> kb) {
      if (kb.isEmpty()) {
        return "—";
      }
      StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%,.0f MiB",
          kb.values().stream().mapToLong(Long::longValue).sum() / 1024.0));
      s.append(" (");
      List<String> parts = new ArrayList<>();
      kb.forEach((name, v) -> parts.add(String.format(Locale.ROOT, "%s %,.0f", name, v / 1024.0)));
      return s.append(String.join(", ", parts)).append(")").toString();
    }
  }

  // ---- report ------------------------------------------------------------------------------------------

  private String markdown(String args, String atRest) {
    if (!pids().isEmpty()) {
      rows.add(new Row("P6", "resident memory of Liberty + Elasticsearch (VmRSS) at rest / at the peak of P2 at 16 clients",
          atRest + " / " + peakRss, "—", "—", "≤ 2 GiB"));
    }
    return Report.markdown("The app over HTTP vs raw Elasticsearch over HTTP, scale `" + scale.name() + "`",
        "ApiBenchmarks " + args,
        List.of("P2: wrk (closed loop, one keep-alive connection per client, Lua script in bench/src/main/resources/wrk), "
                + "median of 3 runs after a warm-up (spread min–max; p50/p99: medians of the runs' own); "
                + "raw = `PUT _create` of a document the app stored, to an index with the same mapping",
            "P4: after 5 warm-up calls; raw = the app's aggregation as JSON to `_search`, same ranges"),
        "app", rows, notes);
  }
}
