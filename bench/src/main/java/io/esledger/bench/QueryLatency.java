package io.esledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.esledger.bench.Http.BenchException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;

/**
 * Latency of every GraphQL query of the query side against a running app, on an event index
 * seeded up to {@code --events} Payment events.
 *
 * <pre>
 * java -cp "$(cat bench/target/classpath.txt)" io.esledger.bench.QueryLatency \
 *     --es http://127.0.0.1:9200 --graphql http://localhost:9080/graphql --events 10000 --repetitions 30
 * </pre>
 *
 * Each query: {@code --warmup} untimed calls, then {@code --repetitions} timed calls, one at a time
 * (one client, no concurrency); a call is timed from sending the request to having the whole answer.
 * Every answer is checked for GraphQL errors; the first one stops the run. Statistics, trends and
 * heatmaps are measured twice: "cached" repeats the same query (the first warm-up call fills the
 * cache), "uncached" moves the range end back one second per call so every call is a cache miss —
 * both are checked against the app's cacheStatistics counters. The Markdown report goes to stdout,
 * progress to stderr.
 */
public final class QueryLatency {

  private static final String EVENT_FIELDS = "eventId aggregateId aggregateType eventType version timestamp "
      + "correlationId causationId metadata { organizationId userId commandId } data";
  private static final String PAYMENT_PROCESSED = EventSeeder.EVENT_TYPE;

  /** One timed row of the report. */
  record Row(String query, long eventsInIndex, int reps, double p50, double p95, double max, String answer) {}

  /** One query to measure: variables per call number (warm-up calls first), and a summary of an answer. */
  record Case(String label, String field, String query, IntFunction<ObjectNode> variables,
      Function<JsonNode, String> summary, Cache cache) {}

  /** What the analytics cache should see during a case. */
  enum Cache { NONE, HITS, MISSES }

  private final Http http = new Http();
  private final Options options;
  private final GraphQl graphql;
  private final List<Row> rows = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();

  private QueryLatency(Options options) {
    this.options = options;
    this.graphql = new GraphQl(http, options.graphql);
  }

  public static void main(String[] args) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(Options.USAGE);
      System.exit(2);
      return;
    }
    try {
      new QueryLatency(options).run(args);
    } catch (BenchException e) {
      System.err.println("ABORTED: " + e.getMessage());
      System.exit(1);
    }
  }

  private void run(String[] args) {
    String loadBefore = loadAverage();
    String schema = schema();
    Instant started = Instant.now();

    EventSeeder seeder = new EventSeeder(http, options.es, options.index, started);
    System.err.printf("[bench] seeding %s up to %,d Payment events%n", options.index, options.events);
    EventSeeder.Seeded seeded = seeder.seed(options.events);
    long inIndex = seeder.countAll();
    if (seeder.countBenchEvents() <= 42) {
      throw new BenchException("the index holds fewer than 43 events seeded by this tool (the queries use seeded "
          + "payment 42): run with a larger --events");
    }
    System.err.printf("[bench] %,d Payment events (%,d documents in the index); %,d written in %,d ms%n",
        seeded.paymentEventsAfter(), inIndex, seeded.written(), seeded.millis());

    JsonNode rebuild = options.rebuildReadModel ? rebuildReadModel() : null;

    JsonNode cacheBefore = cacheStatistics();
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    List<Case> cases = cases(now);
    checkSchema(schema, cases);
    for (Case c : cases) {
      measure(c, inIndex);
    }
    JsonNode cacheAfter = cacheStatistics();
    String loadAfter = loadAverage();

    print(args, started, seeded, inIndex, now, cacheBefore, cacheAfter, loadBefore, loadAfter, rebuild);
  }

  /**
   * Rebuilds the payments read model from the event store with the app's own operation
   * (rebuildProjection), so that payments(...) is measured on a read model holding the seeded events.
   */
  private JsonNode rebuildReadModel() {
    String fields = "rebuild { state processedEvents totalEvents payments eventsPerSecond startedAt finishedAt error }";
    System.err.println("[bench] rebuilding the payments read model (rebuildProjection)");
    long started = System.nanoTime();
    graphql.data("rebuildProjection", "mutation { rebuildProjection(name: \"payments\", wait: false) { " + fields
        + " } }", null);
    while (true) {
      JsonNode rebuild = graphql.data("projectionStatus", "{ projectionStatus(name: \"payments\") { " + fields
          + " } }", null).path("projectionStatus").path("rebuild");
      String state = rebuild.path("state").asText();
      if ("DONE".equals(state)) {
        ObjectNode result = rebuild.deepCopy();
        result.put("wallMillis", (System.nanoTime() - started) / 1_000_000);
        System.err.println("[bench] rebuilt: " + result);
        return result;
      }
      if ("FAILED".equals(state)) {
        throw new BenchException("the read model rebuild failed: " + rebuild);
      }
      if (System.nanoTime() - started > Duration.ofMinutes(15).toNanos()) {
        throw new BenchException("the read model rebuild did not finish within 15 minutes: " + rebuild);
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new BenchException("interrupted", e);
      }
    }
  }

  // ------------------------------------------------------------------------------------------ the queries

  private List<Case> cases(Instant now) {
    String dayFrom = iso(now.minus(Duration.ofDays(1)));
    String weekFrom = iso(now.minus(Duration.ofDays(7)));
    String to = iso(now);
    long sample = 42; // a seeded payment (every run seeds at least 10 events, see Options)
    String org = EventSeeder.organizationId(sample);
    String user = EventSeeder.userId(sample);
    String payment = EventSeeder.paymentId(sample);
    String correlation = EventSeeder.correlationId(sample);
    String eventId = EventSeeder.eventId(sample);

    List<Case> cases = new ArrayList<>();
    cases.add(new Case("baseline: `{ __typename }` (HTTP + GraphQL, no data)", "__typename", "{ __typename }",
        k -> null, d -> d.asText(), Cache.NONE));
    cases.add(new Case("searchEvents (page 1, size 20)", "searchEvents",
        "query($page: PageInput!) { searchEvents(page: $page) { total totalIsExact items { " + EVENT_FIELDS
            + " } } }",
        k -> vars("page", page(0, 20)), QueryLatency::pageSummary, Cache.NONE));
    cases.add(new Case("searchPaymentEvents (24 h, organizationId " + org + ", size 20)", "searchPaymentEvents",
        "query($filter: EventFilter!, $page: PageInput!) { searchPaymentEvents(filter: $filter, page: $page) "
            + "{ total totalIsExact items { " + EVENT_FIELDS + " } } }",
        k -> {
          ObjectNode v = vars("page", page(0, 20));
          v.putObject("filter").put("from", dayFrom).put("to", to).put("organizationId", org);
          return v;
        }, QueryLatency::pageSummary, Cache.NONE));
    cases.add(new Case("eventsByType (" + PAYMENT_PROCESSED + ", 24 h; max 1,000)", "eventsByType",
        "query($type: String!, $from: DateTime!, $to: DateTime!) { eventsByType(eventType: $type, from: $from, "
            + "to: $to) { " + EVENT_FIELDS + " } }",
        k -> range(dayFrom, to).put("type", PAYMENT_PROCESSED), QueryLatency::listSummary, Cache.NONE));
    cases.add(new Case("searchEventData (text \"" + user + "\"; max 1,000)", "searchEventData",
        "query($text: String!) { searchEventData(text: $text) { " + EVENT_FIELDS + " } }",
        k -> vars("text", user), QueryLatency::listSummary, Cache.NONE));

    String statistics = "query($type: String!, $from: DateTime!, $to: DateTime!) { eventStatistics(eventType: $type, "
        + "from: $from, to: $to) { total byHour { date count } byOrganization { key count } byUser { key count } } }";
    analytics(cases, "eventStatistics (7 d)", "eventStatistics", statistics, weekFrom, now, null,
        d -> "total " + d.path("total").asLong() + ", " + d.path("byHour").size() + " hours, "
            + d.path("byOrganization").size() + " orgs, " + d.path("byUser").size() + " users");
    String trends = "query($type: String!, $from: DateTime!, $to: DateTime!, $interval: TimeInterval!) { "
        + "eventTrends(eventType: $type, from: $from, to: $to, interval: $interval) { date count } }";
    analytics(cases, "eventTrends (7 d, HOUR)", "eventTrends", trends, weekFrom, now, "HOUR",
        QueryLatency::bucketSummary);
    analytics(cases, "eventTrends (7 d, DAY)", "eventTrends", trends, weekFrom, now, "DAY",
        QueryLatency::bucketSummary);
    String heatmap = "query($type: String!, $from: DateTime!, $to: DateTime!) { eventHeatmap(eventType: $type, "
        + "from: $from, to: $to) { byHour { date count } byDay { date count } weekdayHour } }";
    analytics(cases, "eventHeatmap (7 d)", "eventHeatmap", heatmap, weekFrom, now, null,
        d -> d.path("byHour").size() + " hours, " + d.path("byDay").size() + " days, sum "
            + matrixSum(d.path("weekdayHour")));

    cases.add(new Case("eventCorrelations (a " + EventSeeder.CORRELATION_GROUP + "-event trace)", "eventCorrelations",
        "query($id: ID!) { eventCorrelations(correlationId: $id) { " + EVENT_FIELDS + " } }",
        k -> vars("id", correlation), QueryLatency::listSummary, Cache.NONE));
    cases.add(new Case("payments (read model, organizationId " + org + ", size 20)", "payments",
        "query($filter: PaymentFilter!, $page: PageInput!) { payments(filter: $filter, page: $page) { total items "
            + "{ paymentId status amount currency organizationId userId version updatedAt } } }",
        k -> {
          ObjectNode v = vars("page", page(0, 20));
          v.putObject("filter").put("organizationId", org);
          return v;
        }, d -> "total " + d.path("total").asLong() + ", " + d.path("items").size() + " items", Cache.NONE));
    cases.add(new Case("paymentHistory (a seeded payment)", "paymentHistory",
        "query($id: ID!) { paymentHistory(paymentId: $id) { " + EVENT_FIELDS + " } }",
        k -> vars("id", payment), QueryLatency::listSummary, Cache.NONE));
    cases.add(new Case("payment (replayed from its stream)", "payment",
        "query($id: ID!) { payment(paymentId: $id) { paymentId status amount currency version } }",
        k -> vars("id", payment),
        d -> d.isNull() ? "null" : d.path("status").asText() + " " + d.path("amount").asText() + " "
            + d.path("currency").asText(), Cache.NONE));
    cases.add(new Case("event (by eventId, via search)", "event",
        "query($id: ID!) { event(eventId: $id) { " + EVENT_FIELDS + " } }",
        k -> vars("id", eventId), d -> d.isNull() ? "null" : "1 event", Cache.NONE));
    return cases;
  }

  /** An analytics query twice: every call a cache miss (range end one second earlier each), then the same call. */
  private void analytics(List<Case> cases, String label, String field, String query, String from, Instant to,
      String interval, Function<JsonNode, String> summary) {
    cases.add(new Case(label + ", uncached", field, query, k -> {
      ObjectNode v = range(from, iso(to.minusSeconds(k + 1L))).put("type", PAYMENT_PROCESSED);
      return interval == null ? v : v.put("interval", interval);
    }, summary, Cache.MISSES));
    cases.add(new Case(label + ", cached", field, query, k -> {
      ObjectNode v = range(from, iso(to)).put("type", PAYMENT_PROCESSED);
      return interval == null ? v : v.put("interval", interval);
    }, summary, Cache.HITS));
  }

  // ------------------------------------------------------------------------------------------ measuring

  private void measure(Case c, long inIndex) {
    JsonNode before = c.cache == Cache.NONE ? null : cacheStatistics();
    int call = 0;
    JsonNode last = null;
    for (int i = 0; i < options.warmup; i++, call++) {
      last = field(c, graphql.execute(c.label, c.query, c.variables.apply(call)).data());
    }
    Histogram histogram = new Histogram(3_600_000_000L, 3); // microseconds, up to an hour, 3 digits
    for (int i = 0; i < options.repetitions; i++, call++) {
      GraphQl.Timed timed = graphql.execute(c.label, c.query, c.variables.apply(call));
      histogram.recordValue(Math.max(1, timed.nanos() / 1_000));
      last = field(c, timed.data());
    }
    String answer = c.summary.apply(last);
    if (c.cache != Cache.NONE) {
      JsonNode after = cacheStatistics();
      long hits = after.path("hits").asLong() + after.path("redisHits").asLong()
          - before.path("hits").asLong() - before.path("redisHits").asLong();
      long misses = after.path("misses").asLong() - before.path("misses").asLong();
      answer += "; cache " + hits + " hits / " + misses + " misses";
      int calls = options.warmup + options.repetitions;
      boolean asExpected = c.cache == Cache.MISSES
          ? hits == 0 && misses == calls
          : misses <= 1 && hits >= calls - 1;
      if (!asExpected) {
        warnings.add(c.label + ": expected " + (c.cache == Cache.MISSES ? calls + " misses" : "only hits after the "
            + "first call") + ", the cache counted " + hits + " hits and " + misses + " misses");
      }
    }
    Row row = new Row(c.label, inIndex, options.repetitions, ms(histogram.getValueAtPercentile(50)),
        ms(histogram.getValueAtPercentile(95)), ms(histogram.getMaxValue()), answer);
    rows.add(row);
    System.err.printf(Locale.ROOT, "[bench] %-62s p50 %8.2f  p95 %8.2f  max %8.2f ms  (%s)%n", row.query,
        row.p50, row.p95, row.max, row.answer);
  }

  private static JsonNode field(Case c, JsonNode data) {
    if (!data.has(c.field)) {
      throw new BenchException(c.label + ": the answer has no field " + c.field + ": " + data);
    }
    return data.get(c.field);
  }

  private JsonNode cacheStatistics() {
    return graphql.data("cacheStatistics",
        "{ cacheStatistics { hits redisHits misses entries redisAvailable hitRatio } }", null)
        .path("cacheStatistics");
  }

  private String schema() {
    Http.Response r = http.get(options.graphql + "/schema.graphql");
    if (r.status() != 200) {
      throw new BenchException("GraphQL schema not available at " + options.graphql + "/schema.graphql: HTTP "
          + r.status() + " — is the app running (./run.sh)?");
    }
    return r.text();
  }

  /** Fails early if a query this tool sends is not in the app's schema. */
  private static void checkSchema(String schema, List<Case> cases) {
    for (Case c : cases) {
      if (c.field.startsWith("__")) {
        continue;
      }
      if (!schema.matches("(?s).*\\b" + c.field + "\\(.*")) {
        throw new BenchException("the app's schema has no query " + c.field);
      }
    }
  }

  // ------------------------------------------------------------------------------------------ the report

  private void print(String[] args, Instant started, EventSeeder.Seeded seeded, long inIndex, Instant now,
      JsonNode cacheBefore, JsonNode cacheAfter, String loadBefore, String loadAfter, JsonNode rebuild) {
    StringBuilder out = new StringBuilder();
    out.append("### Query latency, ").append(String.format(Locale.ROOT, "%,d", seeded.paymentEventsAfter()))
        .append(" Payment events (").append(started.truncatedTo(ChronoUnit.SECONDS)).append(")\n\n");
    out.append("Command:\n\n```\njava -cp \"$(cat bench/target/classpath.txt)\" ")
        .append(QueryLatency.class.getName()).append(' ').append(String.join(" ", args)).append("\n```\n\n");
    out.append("- machine: ").append(command("nproc").trim()).append(" cores (nproc), ").append(cpuModel())
        .append(", ").append(memTotal()).append("\n");
    out.append("- `java -version`: ").append(command("java", "-version").trim().replace("\n", " / ")).append("\n");
    out.append("- Elasticsearch: ").append(esVersion()).append(", index `").append(options.index).append("`: ")
        .append(String.format(Locale.ROOT, "%,d", inIndex)).append(" documents, ")
        .append(String.format(Locale.ROOT, "%,d", seeded.paymentEventsAfter())).append(" of them Payment events\n");
    out.append("- seeding: ").append(String.format(Locale.ROOT, "%,d", seeded.paymentEventsBefore()))
        .append(" Payment events before (").append(String.format(Locale.ROOT, "%,d", seeded.benchEventsBefore()))
        .append(" of them seeded by earlier runs); ")
        .append(String.format(Locale.ROOT, "%,d", seeded.written())).append(" created");
    if (seeded.alreadyThere() > 0) {
      out.append(" (").append(seeded.alreadyThere()).append(" already there)");
    }
    if (seeded.written() > 0) {
      out.append(String.format(Locale.ROOT, " in %,d ms (%,.0f events/s, `_bulk` of 1,000, one client, then refresh)",
          seeded.millis(), seeded.written() * 1000.0 / Math.max(1, seeded.millis())));
      out.append(String.format(Locale.ROOT, "; then waited %,d ms for Elasticsearch to finish merging",
          seeded.mergeWaitMillis()));
    }
    out.append("\n");
    out.append("- method: one client, sequential calls over HTTP/1.1 (JDK HttpClient, keep-alive); per query ")
        .append(options.warmup).append(" warm-up calls, then ").append(options.repetitions)
        .append(" timed calls (request sent → whole answer received); every answer checked for `errors`. ")
        .append("Ranges end at ").append(iso(now)).append(". \"uncached\" moves the range end back one second ")
        .append("per call (a miss of the app's cache and of Elasticsearch's request cache).\n");
    out.append("- load average (1/5/15 min) before: ").append(loadBefore).append(", after: ").append(loadAfter)
        .append("\n\n");

    out.append("| query | events in index | reps | p50 ms | p95 ms | max ms | answer |\n");
    out.append("|---|---:|---:|---:|---:|---:|---|\n");
    for (Row r : rows) {
      out.append(String.format(Locale.ROOT, "| %s | %,d | %d | %.2f | %.2f | %.2f | %s |%n", r.query,
          r.eventsInIndex, r.reps, r.p50, r.p95, r.max, r.answer));
    }
    out.append("\n");

    long hits = cacheAfter.path("hits").asLong() + cacheAfter.path("redisHits").asLong();
    long misses = cacheAfter.path("misses").asLong();
    long runHits = hits - cacheBefore.path("hits").asLong() - cacheBefore.path("redisHits").asLong();
    long runMisses = misses - cacheBefore.path("misses").asLong();
    out.append("Cache (`cacheStatistics` at the end, since the app started): hits ")
        .append(cacheAfter.path("hits").asLong()).append(", redisHits ").append(cacheAfter.path("redisHits").asLong())
        .append(", misses ").append(misses).append(", entries ").append(cacheAfter.path("entries").asLong())
        .append(", redisAvailable ").append(cacheAfter.path("redisAvailable").asBoolean())
        .append(String.format(Locale.ROOT, ", hitRatio %.3f", cacheAfter.path("hitRatio").asDouble()))
        .append(String.format(Locale.ROOT, ". This run alone: %d hits, %d misses, hit ratio %.3f",
            runHits, runMisses, runHits + runMisses == 0 ? 0.0 : (double) runHits / (runHits + runMisses)))
        .append(" — by construction (half of the analytics series are forced misses), not a workload figure.\n\n");

    out.append("Notes:\n\n");
    if (rebuild == null) {
      out.append("- `payments` reads the read model, which only the app's projection writes. The seeded events were ")
          .append("written straight to Elasticsearch and never went through the projection, so `payments` holds only ")
          .append("what the app itself processed (here: the total in its row) — its latency is that of a near-empty ")
          .append("index, not of ").append(String.format(Locale.ROOT, "%,d", seeded.paymentEventsAfter()))
          .append(" payments (`--rebuild-read-model` rebuilds it from the event store first).\n");
    } else {
      out.append("- `payments` reads the read model. The seeded events were written straight to Elasticsearch, so ")
          .append("before measuring, the read model was rebuilt from the event store with the app's own ")
          .append("`rebuildProjection(name: \"payments\")` (`--rebuild-read-model`): ")
          .append(String.format(Locale.ROOT, "%,d events, %,d payments, %,.0f events/s as reported by the app, "
              + "%,d ms wall time until projectionStatus said DONE (polled every 500 ms).",
              rebuild.path("processedEvents").asLong(), rebuild.path("payments").asLong(),
              rebuild.path("eventsPerSecond").asDouble(), rebuild.path("wallMillis").asLong()))
          .append("\n");
    }
    out.append("- Seeded events are one-event payment streams (`PaymentProcessed`, version 1) over the 7 days before ")
        .append("the seeding hour, ").append(EventSeeder.ORGANIZATIONS).append(" organizations, ")
        .append(EventSeeder.USERS).append(" users, traces of ").append(EventSeeder.CORRELATION_GROUP)
        .append(" events per correlation id.\n");
    for (String warning : warnings) {
      out.append("- WARNING: ").append(warning).append("\n");
    }
    System.out.print(out);
    System.out.flush();
  }

  // ------------------------------------------------------------------------------------------ helpers

  private static ObjectNode vars(String name, String value) {
    return Http.JSON.createObjectNode().put(name, value);
  }

  private static ObjectNode vars(String name, ObjectNode value) {
    ObjectNode v = Http.JSON.createObjectNode();
    v.set(name, value);
    return v;
  }

  private static ObjectNode page(int offset, int size) {
    return Http.JSON.createObjectNode().put("offset", offset).put("size", size);
  }

  private static ObjectNode range(String from, String to) {
    return Http.JSON.createObjectNode().put("from", from).put("to", to);
  }

  private static String iso(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC).toString();
  }

  private static double ms(long micros) {
    return micros / 1000.0;
  }

  private static String pageSummary(JsonNode d) {
    return "total " + d.path("total").asLong() + (d.path("totalIsExact").asBoolean() ? "" : "+") + ", "
        + d.path("items").size() + " items";
  }

  private static String listSummary(JsonNode d) {
    return d.size() + " events";
  }

  private static String bucketSummary(JsonNode d) {
    long sum = 0;
    for (JsonNode b : d) {
      sum += b.path("count").asLong();
    }
    return d.size() + " buckets, sum " + sum;
  }

  private static long matrixSum(JsonNode matrix) {
    long sum = 0;
    for (JsonNode row : matrix) {
      for (JsonNode cell : row) {
        sum += cell.asLong();
      }
    }
    return sum;
  }

  private String esVersion() {
    Http.Response r = http.get(options.es + "/");
    return r.status() == 200 ? r.json().path("version").path("number").asText() : "unknown (HTTP " + r.status() + ")";
  }

  private static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + " / " + parts[1] + " / " + parts[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
    } catch (IOException e) {
      return "unknown CPU";
    }
  }

  private static String memTotal() {
    try {
      return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
          .findFirst().map(l -> String.format(Locale.ROOT, "%.1f GiB RAM",
              Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0)).orElse("");
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  private static String command(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor();
      return out;
    } catch (IOException e) {
      return "unknown (" + e.getMessage() + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }

  // ------------------------------------------------------------------------------------------ options

  static final class Options {
    static final String USAGE = "usage: QueryLatency [--es http://127.0.0.1:9200] [--graphql http://localhost:9080/graphql]"
        + " [--index ledger-events] [--events 10000] [--repetitions 30] [--warmup 5] [--rebuild-read-model false]";

    String es = "http://127.0.0.1:9200";
    String graphql = "http://localhost:9080/graphql";
    String index = "ledger-events";
    long events = 10_000;
    int repetitions = 30;
    int warmup = 5;
    boolean rebuildReadModel = false;

    static Options parse(String[] args) {
      Options o = new Options();
      Map<String, String> given = new LinkedHashMap<>();
      for (int i = 0; i < args.length; i++) {
        if (!args[i].startsWith("--") || i + 1 >= args.length) {
          throw new IllegalArgumentException("bad argument: " + args[i]);
        }
        given.put(args[i].substring(2), args[++i]);
      }
      for (Map.Entry<String, String> e : given.entrySet()) {
        String v = e.getValue();
        switch (e.getKey()) {
          case "es" -> o.es = strip(v);
          case "graphql" -> o.graphql = strip(v);
          case "index" -> o.index = v;
          case "events" -> o.events = Long.parseLong(v);
          case "repetitions" -> o.repetitions = Integer.parseInt(v);
          case "warmup" -> o.warmup = Integer.parseInt(v);
          case "rebuild-read-model" -> o.rebuildReadModel = Boolean.parseBoolean(v);
          default -> throw new IllegalArgumentException("unknown option --" + e.getKey());
        }
      }
      if (o.events < 50) {
        throw new IllegalArgumentException("--events must be at least 50 (the queries use seeded payment 42)");
      }
      if (o.repetitions < 1 || o.warmup < 1) {
        throw new IllegalArgumentException("--repetitions and --warmup must be at least 1");
      }
      return o;
    }

    private static String strip(String url) {
      return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
  }
}
