package io.esledger.infrastructure.eventstore.elasticsearch;

import io.esledger.infrastructure.eventstore.view.EventFields;
import io.esledger.infrastructure.elasticsearch.ElasticsearchFailures;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.indices.IndexSettings;
import co.elastic.clients.elasticsearch.indices.stats.ShardStats;
import co.elastic.clients.json.JsonData;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.esledger.application.eventstore.LogEntry;
import io.esledger.application.eventstore.LogFilter;
import io.esledger.application.eventstore.LogPage;
import io.esledger.application.eventstore.LogPosition;
import io.esledger.application.eventstore.RecordedEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The event index read as an ordered log. Each shard is a partition; a commit's place is its
 * commit document's {@code _seq_no}. A reader only goes up to each shard's global checkpoint (every
 * operation at or below it is on every in-sync copy and keeps its number through a failover), and
 * only through a searcher opened by a refresh that began after that checkpoint was observed — so
 * every commit up to it is visible and none is skipped, whatever order they were acknowledged in.
 * Refreshes are shared by every reader of the process and rate-limited.
 */
final class EventLog {

  private final ElasticsearchClient client;
  private final EventIndex index;
  private final EventDocuments documents;
  private final long minRefreshNanos;
  private final Object refreshLock = new Object();
  private final Object news = new Object();
  private volatile ShardRouting routing;
  /** The event index's UUID: which log positions belong to (null until read). */
  private volatile String id;
  private volatile Runnable onReplaced = () -> {};
  private volatile LogPosition visible;
  private long lastRefreshStart;
  /** When the head behind {@link #visible} was asked for: a caller asking after that needs a newer one. */
  private long headAskedAt;

  EventLog(ElasticsearchClient client, EventIndex index, EventDocuments documents, Duration minRefreshInterval) {
    this.client = client;
    this.index = index;
    this.documents = documents;
    this.minRefreshNanos = minRefreshInterval.toNanos();
    this.lastRefreshStart = System.nanoTime() - minRefreshNanos;
    this.headAskedAt = System.nanoTime() - 1;
  }

  ShardRouting routing() {
    ShardRouting known = routing;
    if (known == null) {
      known = loadRouting();
      routing = known;
    }
    return known;
  }

  /**
   * The identity of the log: the event index's UUID. Elasticsearch gives an index a new one when it
   * is created again or restored from a snapshot, and sequence numbers start over or go back then,
   * so a position is only meaningful together with the id of the log it came from.
   */
  String id() {
    routing();
    return id;
  }

  /** What runs when the log is found replaced (the store forgets what it knew of the old one). */
  void onReplaced(Runnable action) {
    this.onReplaced = action;
  }

  /** The event index now has {@code newId}: every position, routing and cached fact of the old one is void. */
  private void replaced(String newId) {
    String old = id;
    synchronized (refreshLock) {
      routing = null;
      visible = null;
      id = null;
      index.recheck();
    }
    java.util.logging.Logger.getLogger(EventLog.class.getName()).warning(() -> "The event index " + index.name()
        + " was replaced (its id was " + old + ", now " + newId + "; restored from a snapshot, or deleted and "
        + "created again): log positions, checkpoints and consistency tokens of the old one no longer apply");
    onReplaced.run();
    nudge();
  }

  LogPosition start() {
    return LogPosition.start(routing().shards());
  }

  /** Everything at or below this is searchable now (a refresh began after it was durable). */
  LogPosition visible() {
    LogPosition known = visible;
    return known == null ? start() : known;
  }

  /**
   * Moves {@link #visible} to the durable head: observes each shard's global checkpoint, then
   * refreshes if that shows anything new. Callers share refreshes: one that began after this call
   * was made serves it. At most one refresh per minimum interval.
   */
  LogPosition refreshVisible() {
    return refresh(false);
  }

  /**
   * A refresh that began after this call, even if no checkpoint moved (an acknowledged write may
   * still be above the global checkpoint while an earlier one is in flight); shared as above.
   */
  LogPosition refreshNow() {
    return refresh(true);
  }

  private LogPosition refresh(boolean always) {
    long asked = System.nanoTime();
    synchronized (refreshLock) {
      if (headAskedAt - asked > 0) {
        // another caller observed the head after we asked and refreshed after that: it serves us
        return visible();
      }
      long headAsked = System.nanoTime();
      LogPosition head = durableHead();
      if (!always && visible().covers(head)) {
        return visible(); // nothing new became durable: no refresh needed
      }
      long wait = lastRefreshStart + minRefreshNanos - System.nanoTime();
      if (wait > 0) {
        sleep(wait); // the head observed above stays a valid bound: the refresh begins after it
      }
      lastRefreshStart = System.nanoTime();
      co.elastic.clients.elasticsearch._types.ShardStatistics copies;
      try {
        copies = client.indices().refresh(r -> r.index(index.name())).shards();
      } catch (IOException | RuntimeException e) {
        throw ElasticsearchFailures.unavailable("refresh the event log", e);
      }
      refreshedEverywhere(copies);
      visible = visible().max(head);
      headAskedAt = headAsked;
    }
    synchronized (news) {
      news.notifyAll();
    }
    return visible;
  }

  /**
   * A refresh counts only when every copy refreshed: a copy that did not may serve the next search
   * without what the head promises, so a partial refresh is an outage, not a refresh.
   */
  static void refreshedEverywhere(co.elastic.clients.elasticsearch._types.ShardStatistics copies) {
    if (copies != null && copies.failed().intValue() > 0) {
      throw new io.esledger.application.eventstore.EventStoreUnavailableException("refreshing the event log failed on "
          + copies.failed() + " of " + copies.total() + " shard copies: "
          + copies.failures().stream().map(f -> f.reason().reason()).distinct().toList(), null);
    }
  }

  /** Each shard's global checkpoint (the highest of its copies' views of it). */
  LogPosition durableHead() {
    index.ensureExists();
    try {
      var stats = client.indices().stats(s -> s.index(index.name()).level(co.elastic.clients.elasticsearch._types.Level.Shards));
      var ofIndex = stats.indices().get(index.name());
      String known = id;
      if (ofIndex == null || known != null && ofIndex.uuid() != null && !known.equals(ofIndex.uuid())) {
        replaced(ofIndex == null ? "none" : ofIndex.uuid());
        throw new IllegalStateException("the event index was replaced; reading it again");
      }
      LogPosition head = start();
      Map<String, List<ShardStats>> shards = ofIndex.shards();
      for (Map.Entry<String, List<ShardStats>> shard : shards.entrySet()) {
        int number = Integer.parseInt(shard.getKey());
        for (ShardStats copy : shard.getValue()) {
          if (copy.seqNo() != null) {
            head = head.advance(number, copy.seqNo().globalCheckpoint());
          }
        }
      }
      return head;
    } catch (IOException | RuntimeException e) {
      if (ElasticsearchFailures.status(e) == 404 && id != null) {
        replaced("none"); // deleted: created again (with its mapping) by the next use
      }
      throw ElasticsearchFailures.unavailable("read the event log's checkpoints", e);
    }
  }

  /** Wakes readers waiting at the head (something was appended in this process). */
  void nudge() {
    synchronized (news) {
      news.notifyAll();
    }
  }

  /** Waits until nudged or the timeout passes. */
  void awaitNews(Duration timeout) throws InterruptedException {
    synchronized (news) {
      TimeUnit.NANOSECONDS.timedWait(news, timeout.toNanos());
    }
  }

  /**
   * A page after {@code after}. {@code fresh}: the page reaches the log's head as of this call (a
   * shared refresh is made if anything became durable since the last one) — what a caller reading
   * the log on demand expects. Otherwise the page only reaches what is already known searchable
   * and no refresh is made; a subscription decides itself when to refresh.
   */
  LogPage read(LogPosition after, LogFilter filter, int max, boolean fresh) {
    LogPosition bound = visible();
    if (fresh && !beyond(bound, after)) {
      bound = refreshVisible();
    }
    LogPosition next = after;
    List<LogEntry> entries = new ArrayList<>();
    boolean atHead = true;
    for (int shard = 0; shard < bound.partitions(); shard++) {
      long from = after.seqNo(shard);
      long to = bound.seqNo(shard);
      if (to <= from) {
        continue;
      }
      List<Hit<ObjectNode>> hits = search(shard, from, to, filter, max);
      for (Hit<ObjectNode> hit : hits) {
        expand(shard, hit, filter, entries);
      }
      if (hits.size() < max) {
        next = next.advance(shard, to); // read everything up to the bound in this shard
      } else {
        next = next.advance(shard, hits.get(hits.size() - 1).seqNo());
        atHead = false;
      }
    }
    if (!fresh || !atHead || next.covers(refreshVisible())) {
      return new LogPage(entries, next, atHead);
    }
    // more became durable while this page was read (or since the last refresh): not at the head yet
    return new LogPage(entries, next, false);
  }

  /** A commit document gives its whole commit; other documents of a commit are skipped (read with it). */
  private void expand(int shard, Hit<ObjectNode> hit, LogFilter filter, List<LogEntry> entries) {
    ObjectNode doc = hit.source();
    if (doc.path(EventFields.VERSION).asInt() != doc.path(EventFields.COMMIT_VERSION).asInt()) {
      return;
    }
    List<RecordedEvent> commit = new ArrayList<>();
    commit.add(documents.event(doc));
    EventDocuments.followers(doc).forEach(f -> commit.add(documents.event(f)));
    for (RecordedEvent event : commit) {
      if (filter.matches(event)) {
        entries.add(new LogEntry(shard, hit.seqNo(), event));
      }
    }
  }

  private List<Hit<ObjectNode>> search(int shard, long after, long through, LogFilter filter, int max) {
    try {
      return client.search(s -> s
              .index(index.name())
              .preference("_shards:" + shard)
              .seqNoPrimaryTerm(true)
              .query(q -> q.bool(b -> {
                b.filter(f -> f.range(r -> r.untyped(u -> u.field("_seq_no").gt(JsonData.of(after))
                    .lte(JsonData.of(through)))));
                if (!filter.aggregateTypes().isEmpty()) {
                  b.filter(terms(EventFields.AGGREGATE_TYPE, filter.aggregateTypes()));
                }
                if (!filter.eventTypes().isEmpty()) {
                  // a multi-event commit is read whole and its events filtered one by one
                  b.filter(f -> f.bool(o -> o.should(terms(EventFields.EVENT_TYPE, filter.eventTypes()))
                      .should(m -> m.range(r -> r.untyped(u -> u.field(EventFields.COMMIT_SIZE).gt(JsonData.of(1)))))
                      .minimumShouldMatch("1")));
                }
                // every event of a commit has the same envelope: the commit document decides for all
                filter.metadataKeys().forEach(key -> b.filter(f -> f.exists(e -> e.field(metadataField(key)))));
                return b;
              }))
              .sort(o -> o.field(f -> f.field("_seq_no").order(SortOrder.Asc)))
              .trackTotalHits(t -> t.enabled(false))
              .size(max),
          ObjectNode.class).hits().hits();
    } catch (IOException | RuntimeException e) {
      throw ElasticsearchFailures.unavailable("read the event log", e);
    }
  }

  /** Where a metadata key is in the document: correlation and causation at the top, the rest under metadata. */
  private static String metadataField(String key) {
    return key.equals(EventFields.CORRELATION_ID) || key.equals(EventFields.CAUSATION_ID) ? key
        : EventFields.METADATA + "." + key;
  }

  private static Query terms(String field, java.util.Set<String> values) {
    return Query.of(q -> q.terms(t -> t.field(field)
        .terms(v -> v.value(values.stream().map(FieldValue::of).toList()))));
  }

  /** {@code bound} is past {@code after} in at least one partition. */
  private static boolean beyond(LogPosition bound, LogPosition after) {
    return !after.covers(bound);
  }

  private ShardRouting loadRouting() {
    index.ensureExists();
    try {
      IndexSettings settings = client.indices().getSettings(g -> g.index(index.name())).result()
          .values().iterator().next().settings();
      IndexSettings own = settings.index() != null ? settings.index() : settings;
      int shards = Integer.parseInt(own.numberOfShards());
      id = own.uuid();
      Integer routingShards = own.numberOfRoutingShards();
      return new ShardRouting(shards, routingShards != null ? routingShards : ShardRouting.defaultRoutingShards(shards));
    } catch (IOException | RuntimeException e) {
      throw ElasticsearchFailures.unavailable("read the event index's shard count", e);
    }
  }

  private static void sleep(long nanos) {
    try {
      TimeUnit.NANOSECONDS.sleep(nanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
