package io.esledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.esledger.bench.Http.BenchException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Fills the event index with synthetic {@code PaymentProcessed} events, one per payment stream,
 * shaped exactly like the documents the app's event store writes ({@code EventDocuments}): a
 * one-event commit at version 1, {@code _id = Payment:<paymentId>:1}, routed by stream. Written
 * with raw {@code _bulk} {@code create} requests, so the app's projection never sees them.
 *
 * <p>Seed number {@code i} always gives the same document, except for the timestamp, which is
 * placed deterministically within the 7 days before the anchor (the start of the current hour).
 */
final class EventSeeder {

  static final String AGGREGATE_TYPE = "Payment";
  static final String EVENT_TYPE = "PaymentProcessed";
  static final String PAYMENT_PREFIX = "bench-pay-";
  static final int ORGANIZATIONS = 20;
  static final int USERS = 200;
  static final int CORRELATION_GROUP = 10;
  private static final String[] CURRENCIES = {"EUR", "USD", "GBP"};
  private static final long WEEK_SECONDS = 7L * 24 * 3600;
  private static final int BATCH = 1000;

  /** What seeding did. */
  record Seeded(long paymentEventsBefore, long benchEventsBefore, long written, long alreadyThere,
      long paymentEventsAfter, long millis, long mergeWaitMillis) {}

  private final Http http;
  private final String es;
  private final String index;
  private final Instant anchor;

  EventSeeder(Http http, String es, String index, Instant now) {
    this.http = http;
    this.es = es;
    this.index = index;
    this.anchor = now.truncatedTo(ChronoUnit.HOURS);
  }

  static String paymentId(long i) {
    return PAYMENT_PREFIX + String.format("%07d", i);
  }

  static String organizationId(long i) {
    return String.format("org-%02d", user(i) % ORGANIZATIONS + 1);
  }

  static String userId(long i) {
    return String.format("user-%03d", user(i) + 1);
  }

  private static long user(long i) {
    return (i * 31) % USERS;
  }

  static String correlationId(long i) {
    return String.format("bench-corr-%06d", i / CORRELATION_GROUP);
  }

  static String commandId(long i) {
    return String.format("bench-cmd-%07d", i);
  }

  static String eventId(long i) {
    return UUID.nameUUIDFromBytes(("bench-event-" + i).getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** Up to 7 days before the anchor: 7919 is prime and coprime to 604,800, so seconds do not repeat early. */
  Instant timestamp(long i) {
    long seconds = (i * 7919L) % WEEK_SECONDS;
    long millis = (i * 37L) % 1000;
    return anchor.minusSeconds(seconds).minusMillis(millis);
  }

  static String amount(long i) {
    long cents = 100 + (i * 7907L) % 999_900; // 1.00 .. 9999.99
    return (cents / 100) + "." + String.format("%02d", cents % 100);
  }

  static String currency(long i) {
    return CURRENCIES[(int) ((i / 7) % CURRENCIES.length)];
  }

  /** The document the app would store for this payment's first (and only) event. */
  ObjectNode document(long i) {
    String paymentId = paymentId(i);
    String stream = AGGREGATE_TYPE + ":" + paymentId;
    String timestamp = timestamp(i).toString();
    ObjectNode doc = Http.JSON.createObjectNode();
    doc.put("eventId", eventId(i));
    doc.put("streamId", stream);
    doc.put("aggregateId", paymentId);
    doc.put("aggregateType", AGGREGATE_TYPE);
    doc.put("eventType", EVENT_TYPE);
    // JSON-B (the app's serializer) writes properties in lexicographic order; amounts as decimal strings
    ObjectNode data = doc.putObject("eventData");
    data.put("amount", amount(i));
    data.put("currency", currency(i));
    data.put("paymentId", paymentId);
    data.put("processedAt", timestamp);
    doc.put("version", 1);
    doc.put("timestamp", timestamp);
    doc.put("correlationId", correlationId(i));
    doc.put("causationId", commandId(i));
    ObjectNode metadata = doc.putObject("metadata");
    metadata.put("organizationId", organizationId(i));
    metadata.put("userId", userId(i));
    metadata.put("commandId", commandId(i));
    doc.put("commitVersion", 1);
    doc.put("commitSize", 1);
    return doc;
  }

  long countPaymentEvents() {
    return count("{\"query\":{\"term\":{\"aggregateType\":\"" + AGGREGATE_TYPE + "\"}}}");
  }

  long countAll() {
    return count("{\"query\":{\"match_all\":{}}}");
  }

  long countBenchEvents() {
    return count("{\"query\":{\"prefix\":{\"aggregateId\":\"" + PAYMENT_PREFIX + "\"}}}");
  }

  void refresh() {
    Http.Response r = http.post(es + "/" + index + "/_refresh", "application/json", new byte[0]);
    if (r.status() != 200) {
      throw new BenchException("refresh of " + index + " failed: HTTP " + r.status() + " " + r.text());
    }
  }

  /** Seeds until the index holds at least {@code target} Payment events. */
  Seeded seed(long target) {
    requireIndex();
    long started = System.nanoTime();
    refresh();
    long before = countPaymentEvents();
    long benchBefore = countBenchEvents();
    long next = benchBefore;
    long written = 0;
    long alreadyThere = 0;
    long now = before;
    // a document that already exists (an interrupted earlier run) answers 409: count it and go on
    for (int round = 0; now < target; round++) {
      if (round == 5) {
        throw new BenchException("could not reach " + target + " Payment events after 5 rounds (have " + now + ")");
      }
      long missing = target - now;
      long end = next + missing;
      for (long from = next; from < end; from += BATCH) {
        long[] result = bulk(from, Math.min(end, from + BATCH));
        written += result[0];
        alreadyThere += result[1];
        long done = from + BATCH - next;
        if (done % 10_000 == 0 || from + BATCH >= end) {
          System.err.printf("[seed] %d / %d%n", Math.min(done, missing), missing);
        }
      }
      next = end;
      refresh();
      now = countPaymentEvents();
    }
    long seeding = (System.nanoTime() - started) / 1_000_000;
    return new Seeded(before, benchBefore, written, alreadyThere, now, seeding, written == 0 ? 0 : awaitMerges());
  }

  /** Waits (at most 2 minutes) until Elasticsearch merges no segments of the index, so merging does not run
   *  under the measurements; returns how long that took. */
  long awaitMerges() {
    long started = System.nanoTime();
    while (true) {
      Http.Response r = http.get(es + "/" + index + "/_stats/merge");
      if (r.status() != 200) {
        throw new BenchException("_stats/merge on " + index + " failed: HTTP " + r.status() + " " + r.text());
      }
      long current = r.json().path("_all").path("primaries").path("merges").path("current").asLong();
      long waited = (System.nanoTime() - started) / 1_000_000;
      if (current == 0 || waited > 120_000) {
        return waited;
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new BenchException("interrupted", e);
      }
    }
  }

  private void requireIndex() {
    Http.Response r = http.get(es + "/" + index);
    if (r.status() == 404) {
      throw new BenchException("index " + index + " does not exist: start the app (./run.sh) first, it creates "
          + "the index with its own mapping");
    }
    if (r.status() != 200) {
      throw new BenchException("GET " + index + ": HTTP " + r.status() + " " + r.text());
    }
  }

  /** Creates seeds {@code from..to-1}; returns {created, already existing}. */
  private long[] bulk(long from, long to) {
    ByteArrayOutputStream body = new ByteArrayOutputStream(600 * (int) (to - from));
    try {
      for (long i = from; i < to; i++) {
        String stream = AGGREGATE_TYPE + ":" + paymentId(i);
        ObjectNode action = Http.JSON.createObjectNode();
        action.putObject("create").put("_index", index).put("_id", stream + ":1").put("routing", stream);
        body.write(Http.JSON.writeValueAsBytes(action));
        body.write('\n');
        body.write(Http.JSON.writeValueAsBytes(document(i)));
        body.write('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Http.Response r = http.post(es + "/_bulk", "application/x-ndjson", body.toByteArray());
    if (r.status() != 200) {
      throw new BenchException("_bulk failed: HTTP " + r.status() + " " + Http.abbreviated(r.text()));
    }
    JsonNode answer = r.json();
    long created = 0;
    long conflicts = 0;
    for (JsonNode item : answer.path("items")) {
      JsonNode create = item.path("create");
      int status = create.path("status").asInt();
      if (status == 201) {
        created++;
      } else if (status == 409) {
        conflicts++;
      } else {
        throw new BenchException("_bulk item failed: " + create);
      }
    }
    return new long[] {created, conflicts};
  }

  private long count(String query) {
    Http.Response r = http.post(es + "/" + index + "/_count", "application/json",
        query.getBytes(StandardCharsets.UTF_8));
    if (r.status() != 200) {
      throw new BenchException("_count on " + index + " failed: HTTP " + r.status() + " " + r.text());
    }
    return r.json().path("count").asLong();
  }
}
