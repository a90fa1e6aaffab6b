package io.esledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The client side of the fault drills ({@code bench/faults.sh}): load that records every
 * acknowledged payment, checks that nothing acknowledged was lost (in its history and in the read
 * model, before and after a rebuild), and read-your-writes rounds that count misses. Prints figures;
 * exits non-zero when something acknowledged is missing or a token was not honoured.
 *
 * <pre>
 *   --mode load        --graphql URL --clients 8 --seconds 30 --acked FILE --org PREFIX
 *   --mode verify      --graphql URL --acked FILE [--rebuild true]
 *   --mode consistency --graphql URL --clients 8 --rounds 2000
 *   --mode queries     --graphql URL --clients 2 --seconds 40
 * </pre>
 */
public final class FaultDrills {

  private static final String PROCESS = "mutation($i: ProcessPaymentInput!) { processPayment(input: $i) "
      + "{ paymentId consistencyToken } }";

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(3)).build();
  private final String graphql;

  private FaultDrills(String graphql) {
    this.graphql = graphql;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> o = Options.parse(args);
    FaultDrills drills = new FaultDrills(o.get("graphql"));
    int status = switch (o.get("mode")) {
      case "load" -> drills.load(Integer.parseInt(o.getOrDefault("clients", "8")),
          Integer.parseInt(o.getOrDefault("seconds", "30")), Path.of(o.get("acked")), o.getOrDefault("org", "drill"));
      case "verify" -> drills.verify(Path.of(o.get("acked")), Boolean.parseBoolean(o.getOrDefault("rebuild", "true")));
      case "consistency" -> drills.consistency(Integer.parseInt(o.getOrDefault("clients", "8")),
          Integer.parseInt(o.getOrDefault("rounds", "2000")));
      case "queries" -> drills.queries(Integer.parseInt(o.getOrDefault("clients", "2")),
          Integer.parseInt(o.getOrDefault("seconds", "40")), Boolean.parseBoolean(o.getOrDefault("outage", "false")));
      case "across" -> drills.across(o.get("other"), Integer.parseInt(o.getOrDefault("rounds", "50")));
      case "contend" -> drills.contend(o.get("other"), Integer.parseInt(o.getOrDefault("clients", "8")),
          Integer.parseInt(o.getOrDefault("seconds", "40")), Integer.parseInt(o.getOrDefault("streams", "12")),
          Path.of(o.get("acked")), o.getOrDefault("org", "contend"),
          o.containsKey("stop-file") ? Path.of(o.get("stop-file")) : null);
      case "contend-verify" -> drills.contendVerify(Path.of(o.get("acked")), o.get("other"));
      default -> throw new IllegalArgumentException("--mode load|verify|consistency|queries|across|contend|contend-verify");
    };
    System.exit(status);
  }

  /** One answer: the JSON, or the error code (HTTP failures as "HTTP_<status>" / "NO_ANSWER"). */
  private record Answer(JsonNode data, String error, long millis) {}

  /** The operator's organization: its caller may rebuild and read across organizations. */
  private static final String OPERATOR = "drill";

  private Answer call(String query, ObjectNode variables, Duration timeout) {
    // a payment is written by a caller of its organization (no operator role); the rest is an operator's
    String org = variables == null ? "" : variables.path("i").path("organizationId").asText("");
    return call(query, variables, timeout, org.isEmpty() ? OPERATOR : org);
  }

  private Answer call(String query, ObjectNode variables, Duration timeout, String org) {
    ObjectNode request = Http.JSON.createObjectNode().put("query", query);
    request.set("variables", variables == null ? Http.JSON.createObjectNode() : variables);
    long started = System.nanoTime();
    try {
      HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(graphql))
          .header("Content-Type", "application/json").timeout(timeout)
          .header("Authorization", "Bearer " + (OPERATOR.equals(org) ? Tokens.forOrganization(org) : Tokens.caller(org)))
          .POST(HttpRequest.BodyPublishers.ofByteArray(Http.JSON.writeValueAsBytes(request))).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      long millis = (System.nanoTime() - started) / 1_000_000;
      if (response.statusCode() != 200) {
        return new Answer(null, "HTTP_" + response.statusCode(), millis);
      }
      JsonNode answer = Http.JSON.readTree(response.body());
      if (answer.has("errors")) {
        return new Answer(answer.path("data"), answer.path("errors").path(0).path("extensions").path("code")
            .asText("NO_CODE"), millis);
      }
      return new Answer(answer.path("data"), null, millis);
    } catch (IOException e) {
      return new Answer(null, "NO_ANSWER", (System.nanoTime() - started) / 1_000_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(null, "INTERRUPTED", 0);
    }
  }

  private static ObjectNode payment(String paymentId, String org) {
    ObjectNode input = Http.JSON.createObjectNode()
        .put("paymentId", paymentId).put("amount", "10.00").put("currency", "EUR")
        .put("organizationId", org).put("userId", "bench").put("commandId", "cmd-" + paymentId);
    ObjectNode variables = Http.JSON.createObjectNode();
    variables.set("i", input);
    return variables;
  }

  /**
   * Writers until the time is up (or the process is killed): each acknowledged payment is appended
   * to the file at once, so what a writer heard survives a crash of the app under test.
   */
  private int load(int clients, int seconds, Path acked, String org) throws Exception {
    Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    AtomicLong ok = new AtomicLong();
    AtomicLong slowestErrorMillis = new AtomicLong();
    AtomicLong slowestOkMillis = new AtomicLong();
    long until = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    inParallel(clients, acked, (c, file) -> {
          String clientOrg = org + "-c" + c;
          while (System.nanoTime() < until) {
            String id = clientOrg + "-" + UUID.randomUUID().toString().substring(0, 12);
            Answer answer = call(PROCESS, payment(id, clientOrg), Duration.ofSeconds(30));
            if (answer.error() == null) {
              synchronized (file) {
                file.println(clientOrg + " " + id);
              }
              ok.incrementAndGet();
              slowestOkMillis.accumulateAndGet(answer.millis(), Math::max);
            } else {
              errors.computeIfAbsent(answer.error(), k -> new AtomicLong()).incrementAndGet();
              slowestErrorMillis.accumulateAndGet(answer.millis(), Math::max);
              if ("NO_ANSWER".equals(answer.error()) || answer.error().startsWith("HTTP_")) {
                sleep(200); // the app is down: do not spin
              }
            }
          }
    });
    System.out.printf("load: %d clients, %d s: acknowledged %d, errors %s, slowest receipt %d ms, slowest error %d ms%n",
        clients, seconds, ok.get(), new TreeMap<>(errors), slowestOkMillis.get(), slowestErrorMillis.get());
    if (ok.get() == 0) {
      System.out.println("load: FAILED, nothing was acknowledged: the drill's premise (writes under the fault) did not hold");
      return 1;
    }
    return 0;
  }

  /**
   * Queries until the time is up, statistics (each over a range of its own, so no cache answers it) and
   * read-model pages in turn: prints how each kind of answer came and how fast. Fails when an answer is unclear — no answer, an HTTP
   * error, {@code INTERNAL} or an error without a code; {@code STORE_UNAVAILABLE} is a clear one.
   */
  private int queries(int clients, int seconds, boolean requireOutage) throws Exception {
    Map<String, List<Long>> byOutcome = new ConcurrentHashMap<>();
    AtomicLong sent = new AtomicLong();
    long until = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<?>> done = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      done.add(pool.submit(() -> {
        while (System.nanoTime() < until) {
          // an aggregation (analytics' breaker) and a read-model page (the store reads' breaker) in turn
          long n = sent.incrementAndGet();
          boolean statistics = n % 2 == 0;
          Answer answer = statistics
              ? call("query($from: DateTime!, $to: DateTime!) { eventStatistics(eventType: "
                  + "\"PaymentProcessed\", from: $from, to: $to) { total } }", Http.JSON.createObjectNode()
                  .put("from", java.time.Instant.parse("2026-01-01T00:00:00Z").plusMillis(n).toString())
                  .put("to", "2026-01-30T00:00:00Z"), Duration.ofSeconds(60))
              : call("{ payments(page: {size: 1}) { total } }", null, Duration.ofSeconds(60));
          byOutcome.computeIfAbsent((statistics ? "eventStatistics " : "payments ")
              + (answer.error() == null ? "OK" : answer.error()),
              k -> java.util.Collections.synchronizedList(new ArrayList<>())).add(answer.millis());
          if (answer.error() != null) {
            sleep(50);
          }
        }
        return null;
      }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdownNow();
    boolean unclear = false;
    for (Map.Entry<String, List<Long>> outcome : new TreeMap<>(byOutcome).entrySet()) {
      List<Long> millis = new ArrayList<>(outcome.getValue());
      millis.sort(null);
      long fast = millis.stream().filter(m -> m < 100).count();
      System.out.printf("queries: %s %d (median %d ms, slowest %d ms, %d under 100 ms)%n", outcome.getKey(),
          millis.size(), millis.get(millis.size() / 2), millis.get(millis.size() - 1), fast);
      String code = outcome.getKey().substring(outcome.getKey().indexOf(' ') + 1);
      unclear |= code.equals("NO_ANSWER") || code.startsWith("HTTP_") || code.equals("INTERNAL") || code.equals("NO_CODE");
    }
    if (unclear) {
      System.out.println("queries: FAILED, some answers were not a result or a clear error");
      return 1;
    }
    if (requireOutage) {
      // the premise: the hang was met (answers STORE_UNAVAILABLE), and once a breaker was open some were
      // refused without waiting (under 100 ms), as the drill claims
      List<Long> unavailable = byOutcome.entrySet().stream().filter(e -> e.getKey().endsWith(" STORE_UNAVAILABLE"))
          .flatMap(e -> e.getValue().stream()).toList();
      long fast = unavailable.stream().filter(m -> m < 100).count();
      System.out.printf("queries: during the outage %d answers were STORE_UNAVAILABLE, %d of them within 100 ms%n",
          unavailable.size(), fast);
      if (unavailable.isEmpty() || fast == 0) {
        System.out.println("queries: FAILED, the outage was not met, or no read was refused at once by an open breaker");
        return 1;
      }
    }
    return 0;
  }

  /** Every acknowledged payment is in its history and in the read model; then the same after a rebuild. */
  private int verify(Path ackedFile, boolean rebuild) throws Exception {
    Map<String, Set<String>> byOrg = new TreeMap<>();
    for (String line : Files.readAllLines(ackedFile)) {
      String[] parts = line.trim().split(" ");
      if (parts.length == 2) {
        byOrg.computeIfAbsent(parts[0], k -> new HashSet<>()).add(parts[1]);
      }
    }
    int acked = byOrg.values().stream().mapToInt(Set::size).sum();
    if (acked == 0) {
      System.out.println("verify: FAILED, nothing was acknowledged, so nothing could be checked");
      return 1;
    }
    int missingHistory = 0;
    for (Map.Entry<String, Set<String>> org : byOrg.entrySet()) {
      // payment ids are an organization's own: each history is asked for by a caller of its organization
      List<String> all = List.copyOf(org.getValue());
      for (int i = 0; i < all.size(); i += 50) {
        StringBuilder q = new StringBuilder("{");
        List<String> chunk = all.subList(i, Math.min(all.size(), i + 50));
        for (int k = 0; k < chunk.size(); k++) {
          q.append(" p").append(k).append(": paymentHistory(paymentId: \"").append(chunk.get(k)).append("\") { version }");
        }
        Answer answer = call(q.append(" }").toString(), null, Duration.ofSeconds(60), org.getKey());
        if (answer.error() != null) {
          throw new IllegalStateException("paymentHistory failed: " + answer.error());
        }
        for (int k = 0; k < chunk.size(); k++) {
          if (answer.data().path("p" + k).size() == 0) {
            missingHistory++;
          }
        }
      }
    }
    int missingLive = missingFromReadModel(byOrg);
    int missingRebuilt = -1;
    if (rebuild) {
      Answer rebuilt = call("mutation { rebuildProjection(name: \"payments\", wait: true) { rebuild { state } } }", null,
          Duration.ofMinutes(10));
      if (rebuilt.error() != null) {
        throw new IllegalStateException("rebuild failed: " + rebuilt.error());
      }
      missingRebuilt = missingFromReadModel(byOrg);
    }
    System.out.printf("verify: acknowledged %d; missing from history %d; missing from the live read model %d; "
        + "missing after a rebuild %s%n", acked, missingHistory, missingLive, rebuild ? missingRebuilt : "(not run)");
    return missingHistory == 0 && missingLive == 0 && missingRebuilt <= 0 ? 0 : 1;
  }

  /** Acknowledged payments the read model lacks, once its projection has caught up with every write. */
  private int missingFromReadModel(Map<String, Set<String>> byOrg) throws InterruptedException {
    // a token covering everything this instance knows: a harmless write's receipt
    Answer marker = call(PROCESS, payment("marker-" + UUID.randomUUID(), "drill-marker"), Duration.ofSeconds(30));
    if (marker.error() != null) {
      throw new IllegalStateException("marker write failed: " + marker.error());
    }
    String token = marker.data().path("processPayment").path("consistencyToken").asText();
    int missing = 0;
    for (Map.Entry<String, Set<String>> org : byOrg.entrySet()) {
      Set<String> seen = new HashSet<>();
      for (int offset = 0; offset < org.getValue().size() + 100; offset += 100) {
        ObjectNode variables = Http.JSON.createObjectNode().put("offset", offset);
        variables.putArray("t").add(token);
        // asked by a caller of the organization itself (no operator role, no filter): what it sees is its own
        Answer page = call("query($offset: Int, $t: [String!]) { payments(page: {offset: $offset, size: 100}, "
            + "consistentWith: $t) { items { paymentId organizationId } } }", variables, Duration.ofSeconds(60),
            org.getKey());
        if (page.error() != null) {
          throw new IllegalStateException("payments failed: " + page.error());
        }
        JsonNode items = page.data().path("payments").path("items");
        for (JsonNode item : items) {
          if (!org.getKey().equals(item.path("organizationId").asText())) {
            throw new IllegalStateException("payments as " + org.getKey() + " showed a row of "
                + item.path("organizationId").asText());
          }
          seen.add(item.path("paymentId").asText());
        }
        if (items.size() < 100) {
          break;
        }
      }
      for (String id : org.getValue()) {
        if (!seen.contains(id)) {
          missing++;
        }
      }
    }
    return missing;
  }

  /**
   * Clients each write and then read their own write with its token from the read model and from
   * event search, while two more send tokened searches and untokened statistics. A miss is an
   * answer that does not show the caller's own write.
   */
  private int consistency(int clients, int rounds) throws Exception {
    AtomicLong paymentsMisses = new AtomicLong();
    AtomicLong searchMisses = new AtomicLong();
    AtomicLong done = new AtomicLong();
    Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    AtomicBoolean stop = new AtomicBoolean();
    String run = UUID.randomUUID().toString().substring(0, 8);
    ExecutorService pool = Executors.newFixedThreadPool(clients + 2);
    List<Future<?>> noise = new ArrayList<>();
    List<String> tokens = new java.util.concurrent.CopyOnWriteArrayList<>();
    for (int n = 0; n < 2; n++) {
      int kind = n;
      noise.add(pool.submit(() -> {
        while (!stop.get()) {
          if (kind == 0) {
            call("{ eventStatistics { totalEvents } }", null, Duration.ofSeconds(30));
          } else if (!tokens.isEmpty()) {
            ObjectNode v = Http.JSON.createObjectNode();
            v.putArray("t").add(tokens.get(tokens.size() - 1));
            call("query($t: [String!]) { searchEvents(page: {size: 1}, consistentWith: $t) { total } }", v,
                Duration.ofSeconds(30));
          }
        }
        return null;
      }));
    }
    long started = System.nanoTime();
    List<Future<?>> writers = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      int client = c;
      writers.add(pool.submit(() -> {
        for (int r = client; r < rounds; r += clients) {
          String org = "cons-" + run + "-" + r;
          Answer wrote = call(PROCESS, payment(org + "-p", org), Duration.ofSeconds(30));
          if (wrote.error() != null) {
            errors.computeIfAbsent(wrote.error(), k -> new AtomicLong()).incrementAndGet();
            continue;
          }
          String token = wrote.data().path("processPayment").path("consistencyToken").asText();
          tokens.add(token);
          ObjectNode v = Http.JSON.createObjectNode().put("org", org);
          v.putArray("t").add(token);
          Answer rows = call("query($org: ID, $t: [String!]) { payments(filter: {organizationId: $org}, "
              + "consistentWith: $t) { total } }", v, Duration.ofSeconds(30), org);
          if (rows.error() != null) {
            errors.computeIfAbsent("payments:" + rows.error(), k -> new AtomicLong()).incrementAndGet();
          } else if (rows.data().path("payments").path("total").asInt() != 1) {
            paymentsMisses.incrementAndGet();
          }
          Answer found = call("query($org: ID, $t: [String!]) { searchEvents(filter: {organizationId: $org}, "
              + "consistentWith: $t) { total } }", v, Duration.ofSeconds(30), org);
          if (found.error() != null) {
            errors.computeIfAbsent("searchEvents:" + found.error(), k -> new AtomicLong()).incrementAndGet();
          } else if (found.data().path("searchEvents").path("total").asInt() != 1) {
            searchMisses.incrementAndGet();
          }
          done.incrementAndGet();
        }
        return null;
      }));
    }
    for (Future<?> f : writers) {
      f.get();
    }
    stop.set(true);
    for (Future<?> f : noise) {
      f.get();
    }
    pool.shutdown();
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf("consistency: %d clients, %d rounds in %.1f s (write → payments(consistentWith) → "
        + "searchEvents(consistentWith), with 2 noise clients): payments misses %d, searchEvents misses %d, "
        + "errors %s%n", clients, done.get(), seconds, paymentsMisses.get(), searchMisses.get(), new TreeMap<>(errors));
    return paymentsMisses.get() == 0 && searchMisses.get() == 0 && errors.isEmpty() && done.get() == rounds ? 0 : 1;
  }

  /**
   * Tokens across app processes: each round writes a payment on this instance and reads it on
   * {@code other} with the receipt's consistency token, from the read model and from event search,
   * as a caller of the payment's organization. A miss is an answer without the write.
   */
  private int across(String other, int rounds) throws Exception {
    FaultDrills there = new FaultDrills(other);
    String run = UUID.randomUUID().toString().substring(0, 8);
    int misses = 0;
    Map<String, AtomicLong> errors = new TreeMap<>();
    long started = System.nanoTime();
    for (int r = 0; r < rounds; r++) {
      String org = "across-" + run + "-" + r;
      Answer wrote = call(PROCESS, payment(org + "-p", org), Duration.ofSeconds(30));
      if (wrote.error() != null) {
        errors.computeIfAbsent("write:" + wrote.error(), k -> new AtomicLong()).incrementAndGet();
        continue;
      }
      ObjectNode v = Http.JSON.createObjectNode();
      v.putArray("t").add(wrote.data().path("processPayment").path("consistencyToken").asText());
      Answer read = there.call("query($t: [String!]) { payments(consistentWith: $t) { total } "
          + "searchEvents(consistentWith: $t) { total } }", v, Duration.ofSeconds(30), org);
      if (read.error() != null) {
        errors.computeIfAbsent("read:" + read.error(), k -> new AtomicLong()).incrementAndGet();
      } else if (read.data().path("payments").path("total").asInt() != 1
          || read.data().path("searchEvents").path("total").asInt() != 1) {
        misses++;
      }
    }
    System.out.printf("across: %d rounds in %.1f s, each written on %s and read with its token on %s: misses %d, "
        + "errors %s%n", rounds, (System.nanoTime() - started) / 1e9, graphql, other, misses, errors);
    return misses == 0 && errors.isEmpty() ? 0 : 1;
  }

  private static final String CAPTURE = "mutation($i: CapturePaymentInput!) { capturePayment(input: $i) { version } }";

  /**
   * Writers on two app instances appending to the same few payment streams (captures of 0.01 on
   * payments authorized for far more), each command retried with its commandId until it is
   * acknowledged or plainly refused. Every acknowledged command is written to {@code acked} as
   * "organization paymentId commandId version" at once, so it survives whatever is killed meanwhile.
   */
  private int contend(String other, int clients, int seconds, int streams, Path acked, String org, Path stopFile)
      throws Exception {
    FaultDrills there = new FaultDrills(other);
    List<String> ids = new ArrayList<>();
    for (int s = 0; s < streams; s++) {
      String id = org + "-s" + s;
      ObjectNode v = Http.JSON.createObjectNode();
      v.putObject("i").put("paymentId", id).put("amount", "100000.00").put("currency", "EUR")
          .put("commandId", "authorize-" + id);
      Answer a = call("mutation($i: AuthorizePaymentInput!) { authorizePayment(input: $i) { version } }", v,
          Duration.ofSeconds(30), org);
      if (a.error() != null) {
        throw new IllegalStateException("authorizing " + id + " failed: " + a.error());
      }
      ids.add(id);
    }
    Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    AtomicLong ok = new AtomicLong();
    AtomicLong retried = new AtomicLong();
    AtomicLong given = new AtomicLong();
    long until = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    inParallel(clients, acked, (c, file) -> {
          FaultDrills target = c % 2 == 0 ? this : there;
          java.util.Random random = new java.util.Random();
          while (System.nanoTime() < until && (stopFile == null || !Files.exists(stopFile))) {
            String id = ids.get(random.nextInt(ids.size()));
            String commandId = "capture-" + UUID.randomUUID();
            ObjectNode v = Http.JSON.createObjectNode();
            v.putObject("i").put("paymentId", id).put("amount", "0.01").put("commandId", commandId);
            for (int attempt = 1; attempt <= 60; attempt++) {
              Answer answer = target.call(CAPTURE, v, Duration.ofSeconds(30), org);
              if (answer.error() == null) {
                int version = answer.data().path("capturePayment").path("version").asInt();
                synchronized (file) {
                  file.println(org + " " + id + " " + commandId + " " + version);
                }
                ok.incrementAndGet();
                break;
              }
              errors.computeIfAbsent(answer.error(), k -> new AtomicLong()).incrementAndGet();
              boolean retry = switch (answer.error()) {
                case "CONCURRENCY_CONFLICT", "OUTCOME_UNKNOWN", "STORE_UNAVAILABLE", "NO_ANSWER", "INTERRUPTED" -> true;
                default -> answer.error().startsWith("HTTP_");
              };
              if (!retry) {
                break;
              }
              if (attempt == 60) {
                given.incrementAndGet(); // not known whether stored: the verify finds it in the history or not
                break;
              }
              retried.incrementAndGet();
              sleep("CONCURRENCY_CONFLICT".equals(answer.error()) ? random.nextInt(20) : 250);
            }
          }
    });
    System.out.printf("contend: %d clients on 2 instances, %d streams, %.0f s: acknowledged %d, retries %d, "
        + "given up %d, errors met %s%n", clients, streams,
        (System.nanoTime() - until + Duration.ofSeconds(seconds).toNanos()) / 1e9, ok.get(), retried.get(), given.get(),
        new TreeMap<>(errors));
    if (ok.get() == 0) {
      System.out.println("contend: FAILED, nothing was acknowledged: the drill's premise did not hold");
      return 1;
    }
    return 0;
  }

  /**
   * After the contention and the faults: every stream's versions are 1..n without a gap, no
   * commandId is in a history twice, every acknowledged command is in its history at the version its
   * receipt named, and the read model's row of each payment is at the history's version — live and
   * after a rebuild.
   */
  private int contendVerify(Path ackedFile, String other) throws Exception {
    Map<String, Map<String, Integer>> byStream = new TreeMap<>(); // "org paymentId" -> commandId -> version
    for (String line : Files.readAllLines(ackedFile)) {
      String[] parts = line.trim().split(" ");
      if (parts.length == 4) {
        byStream.computeIfAbsent(parts[0] + " " + parts[1], k -> new HashMap<>())
            .put(parts[2], Integer.parseInt(parts[3]));
      }
    }
    int acked = byStream.values().stream().mapToInt(Map::size).sum();
    if (acked == 0) {
      System.out.println("contend-verify: FAILED, nothing was acknowledged, so nothing could be checked");
      return 1;
    }
    int gaps = 0;
    int duplicated = 0;
    int lost = 0;
    int misplaced = 0;
    long events = 0;
    Map<String, Integer> heads = new TreeMap<>();
    for (Map.Entry<String, Map<String, Integer>> stream : byStream.entrySet()) {
      String org = stream.getKey().split(" ")[0];
      String id = stream.getKey().split(" ")[1];
      Answer history = call("{ paymentHistory(paymentId: \"" + id + "\") { version metadata { commandId } } }", null,
          Duration.ofSeconds(60), org);
      if (history.error() != null) {
        throw new IllegalStateException("paymentHistory failed: " + history.error());
      }
      Map<String, Integer> stored = new HashMap<>();
      int expected = 1;
      for (JsonNode event : history.data().path("paymentHistory")) {
        int version = event.path("version").asInt();
        if (version != expected) {
          gaps++;
        }
        expected = version + 1;
        String commandId = event.path("metadata").path("commandId").asText();
        if (stored.putIfAbsent(commandId, version) != null) {
          duplicated++;
        }
        events++;
      }
      heads.put(stream.getKey(), expected - 1);
      for (Map.Entry<String, Integer> command : stream.getValue().entrySet()) {
        Integer at = stored.get(command.getKey());
        if (at == null) {
          lost++;
        } else if (!at.equals(command.getValue())) {
          misplaced++;
        }
      }
    }
    int behindLive = rowsNotAtHead(heads);
    String rebuild = "mutation { rebuildProjection(name: \"payments\", wait: true) { rebuild { state } } }";
    Answer rebuilt = call(rebuild, null, Duration.ofMinutes(10));
    if ("PROJECTION_ELSEWHERE".equals(rebuilt.error()) && other != null) {
      rebuilt = new FaultDrills(other).call(rebuild, null, Duration.ofMinutes(10)); // where the projection runs
    }
    if (rebuilt.error() != null) {
      throw new IllegalStateException("rebuild failed: " + rebuilt.error());
    }
    int behindRebuilt = rowsNotAtHead(heads);
    System.out.printf("contend-verify: %d streams, %d events, acknowledged %d: lost %d, duplicated %d, gaps %d, "
        + "at another version than acknowledged %d; read-model rows not at their stream's version: live %d, "
        + "after a rebuild %d%n", byStream.size(), events, acked, lost, duplicated, gaps, misplaced, behindLive,
        behindRebuilt);
    return lost + duplicated + gaps + misplaced + behindLive + behindRebuilt == 0 ? 0 : 1;
  }

  /** Payments whose read-model row is not at their stream's version, once the projection covers every write. */
  private int rowsNotAtHead(Map<String, Integer> heads) {
    int behind = 0;
    for (Map.Entry<String, Integer> head : heads.entrySet()) {
      String org = head.getKey().split(" ")[0];
      String id = head.getKey().split(" ")[1];
      // a token covering the whole stream: a harmless write's receipt on the same instance
      Answer marker = call(PROCESS, payment("marker-" + UUID.randomUUID(), org), Duration.ofSeconds(30));
      if (marker.error() != null) {
        throw new IllegalStateException("marker write failed: " + marker.error());
      }
      ObjectNode v = Http.JSON.createObjectNode();
      v.putArray("t").add(marker.data().path("processPayment").path("consistencyToken").asText());
      Answer rows = call("query($t: [String!]) { payments(consistentWith: $t, page: { size: 100 }) "
          + "{ items { paymentId version } } }", v, Duration.ofSeconds(60), org);
      if (rows.error() != null) {
        throw new IllegalStateException("payments failed: " + rows.error());
      }
      boolean atHead = false;
      for (JsonNode row : rows.data().path("payments").path("items")) {
        if (row.path("paymentId").asText().equals(id) && row.path("version").asInt() == head.getValue()) {
          atHead = true;
        }
      }
      if (!atHead) {
        behind++;
      }
    }
    return behind;
  }

  /** What one of several clients does; it appends what was acknowledged to {@code file} at once. */
  @FunctionalInterface
  private interface Client {
    void run(int client, PrintWriter file) throws Exception;
  }

  /**
   * Runs {@code clients} clients at once until each returns, sharing one file of acknowledgements
   * (appended to, flushed per line, so that what a client heard survives a crash of the app).
   */
  private static void inParallel(int clients, Path acked, Client client) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try (Writer out = Files.newBufferedWriter(acked, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
        StandardOpenOption.APPEND)) {
      PrintWriter file = new PrintWriter(out, true);
      List<Future<?>> done = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        int number = c;
        done.add(pool.submit(() -> {
          client.run(number, file);
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
