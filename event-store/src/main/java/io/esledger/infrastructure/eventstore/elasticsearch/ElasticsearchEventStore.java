package io.esledger.infrastructure.eventstore.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.esledger.application.eventstore.AppendOutcome;
import io.esledger.application.eventstore.AppendRequest;
import io.esledger.application.eventstore.AppendResult;
import io.esledger.application.eventstore.BackgroundThreads;
import io.esledger.application.eventstore.EventStore;
import io.esledger.application.eventstore.EventStoreUnavailableException;
import io.esledger.application.eventstore.ExpectedVersion;
import io.esledger.application.eventstore.LogFilter;
import io.esledger.application.eventstore.LogPage;
import io.esledger.application.eventstore.LogPosition;
import io.esledger.application.eventstore.LogSubscription;
import io.esledger.application.eventstore.NewEvent;
import io.esledger.application.eventstore.OutcomeUnknownException;
import io.esledger.application.eventstore.RecordedEvent;
import io.esledger.application.eventstore.StreamId;
import io.esledger.application.eventstore.WrongExpectedVersionException;
import io.esledger.infrastructure.elasticsearch.CallerContext;
import io.esledger.infrastructure.elasticsearch.ElasticsearchClients;
import io.esledger.infrastructure.elasticsearch.ElasticsearchFailures;
import io.esledger.infrastructure.eventstore.view.EventFields;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.IntStream;

/**
 * {@link EventStore} on Elasticsearch.
 *
 * <p>Append: the first document of a commit is created with {@code op_type=create} at
 * {@code streamId:expected+1}; a 409 means another writer won that version. That one document is
 * the commit point: it carries every event of the commit, so the rest (written next, also with
 * create) can always be rebuilt from it. A writer may only append after a version that ends a
 * commit, which keeps two commits from ever interleaving. Concurrent appends are sent together as
 * one {@code _bulk} of such creates ({@link GroupCommit}).
 *
 * <p>Read: multi-get by id, which is real-time, in version order; never a search.
 */
public final class ElasticsearchEventStore implements EventStore, AutoCloseable {

  private static final Logger LOG = Logger.getLogger(ElasticsearchEventStore.class.getName());
  private static final int FIRST_READ_BATCH = 16;
  private static final int MAX_READ_BATCH = 1024;
  /** Events kept in memory by the stream cache (about 30 MB of payment events). */
  private static final int STREAM_CACHE_EVENTS = 50_000;

  private final ElasticsearchClient client;
  private final EventIndex index;
  private final EventDocuments documents;
  private final Consumer<AppendResult> publisher;
  private final CommitBoundaries boundaries = new CommitBoundaries(100_000);
  private final StreamCache streamCache = new StreamCache(STREAM_CACHE_EVENTS);
  // two bulks in flight: a one-shard bulk is indexed by one write thread, so a second one puts the
  // node's second core to work (store harness P2s, 16 writers, two A/B pairs on one node: 1 flusher
  // 5,959 and 6,030/s, 2 flushers 6,658 and 7,004/s; an earlier hand-run tool had measured the
  // opposite, 5.7k vs 5.0k/s — docs/benchmarks.md)
  private final GroupCommit groupCommit;
  private final ThreadFactory threads;
  private final EventLog log;
  private final Duration pollInterval;
  /** A position covering every append this process acknowledged or read (null until any). */
  private final AtomicReference<LogPosition> seen = new AtomicReference<>();
  /**
   * Per shard, a sequence number at or below which every operation is on every in-sync copy (and
   * so survives a primary failover): acknowledged to this process, or under a global checkpoint it
   * observed. Null until known.
   */
  private final AtomicReference<LogPosition> durable = new AtomicReference<>();
  private volatile StoreMeter meter = StoreMeter.NONE;

  /**
   * @param publisher told about every acknowledged append, after Elasticsearch acknowledged it
   */
  public ElasticsearchEventStore(ElasticsearchClient client, EventIndex index, Consumer<AppendResult> publisher) {
    this(client, index, publisher, LogSettings.DEFAULTS);
  }

  /**
   * @param logSettings how often the log may be refreshed for its readers, and how often readers at
   *     the head look for appends made by other processes
   */
  public ElasticsearchEventStore(ElasticsearchClient client, EventIndex index, Consumer<AppendResult> publisher,
      LogSettings logSettings) {
    this(client, index, publisher, logSettings, BackgroundThreads.DAEMONS);
  }

  /** @param threads where its background threads (group commit writers, log subscriptions) come from */
  public ElasticsearchEventStore(ElasticsearchClient client, EventIndex index, Consumer<AppendResult> publisher,
      LogSettings logSettings, ThreadFactory threads) {
    this.threads = threads;
    this.client = client;
    this.index = index;
    this.documents = index.documents();
    this.publisher = publisher;
    this.log = new EventLog(client, index, documents, logSettings.minRefreshInterval());
    log.onReplaced(() -> {
      seen.set(null);
      durable.set(null);
      boundaries.clear();
      streamCache.clear();
    });
    this.groupCommit = new GroupCommit(this::appendAll, 2, 1000, logSettings.appendQueueTimeout(), threads);
    this.pollInterval = logSettings.pollInterval();
  }

  @Override
  public AppendResult append(StreamId stream, ExpectedVersion expected, List<NewEvent> events) {
    if (events.isEmpty()) {
      throw new IllegalArgumentException("an append needs at least one event");
    }
    // concurrent appends travel together (group commit); each is still checked on its own stream
    long started = System.nanoTime();
    AppendOutcome outcome = groupCommit.submit(new AppendRequest(stream, expected, events));
    meter.appended(kind(outcome), System.nanoTime() - started);
    if (!outcome.isStored()) {
      throw outcome.failure();
    }
    return outcome.result();
  }

  /** Where appends are counted (metrics); {@link StoreMeter#NONE} until set. */
  public void meterWith(StoreMeter meter) {
    this.meter = meter == null ? StoreMeter.NONE : meter;
  }

  /** What of a caller's thread (a trace context) its append carries to the thread that sends it. */
  public void carryCallerContext(CallerContext context) {
    groupCommit.carry(context);
  }

  /** Whether the threads that write appends (group commit) are running: false once one has died. */
  public boolean writersAlive() {
    return groupCommit.alive();
  }

  private static StoreMeter.Outcome kind(AppendOutcome outcome) {
    if (outcome.isStored()) {
      return StoreMeter.Outcome.STORED;
    }
    RuntimeException failure = outcome.failure();
    if (failure instanceof WrongExpectedVersionException) {
      return StoreMeter.Outcome.CONFLICT;
    }
    return failure instanceof OutcomeUnknownException ? StoreMeter.Outcome.UNKNOWN : StoreMeter.Outcome.FAILED;
  }

  @Override
  public List<AppendOutcome> appendAll(List<AppendRequest> requests) {
    index.ensureExists();
    log.routing(); // known before anything is sent: once a bulk is sent, nothing may fail for want of it
    AppendOutcome[] outcomes = new AppendOutcome[requests.size()];
    if (checkIdsBeforeSending) {
      refuseOverlongIds(requests, outcomes);
    }
    checkPredecessors(requests, outcomes);
    List<Integer> writing = new ArrayList<>();
    List<List<ObjectNode>> commits = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      AppendRequest request = requests.get(i);
      if (outcomes[i] == null) {
        writing.add(i);
        commits.add(documents.commit(request.stream(), request.expected().value() + 1, request.events()));
      }
    }
    if (!writing.isEmpty()) {
      writeCommits(requests, writing, commits, outcomes);
    }
    StoreMeter counting = meter;
    if (counting != StoreMeter.NONE) {
      counting.written(requests.size(), requests.stream().mapToInt(r -> r.events().size()).sum());
    }
    for (int i = 0; i < outcomes.length; i++) {
      AppendOutcome outcome = outcomes[i];
      if (outcome.failure() instanceof WrongExpectedVersionException) {
        streamCache.forget(requests.get(i).stream()); // what this process knew of it is behind
      }
      counting.outcome(kind(outcome));
      if (outcome.isStored()) {
        try {
          publisher.accept(outcome.result()); // only acknowledged appends, as for a single append
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "a listener of appends failed on " + outcome.result().stream(), e);
        }
      }
    }
    return List.of(outcomes);
  }

  /**
   * Elasticsearch refuses a whole {@code _bulk} when one of its document ids is longer than
   * {@value #MAX_ID_BYTES} bytes: such an append is refused on its own before anything is sent, so
   * it can never fail the appends it would share a request with.
   */
  private static void refuseOverlongIds(List<AppendRequest> requests, AppendOutcome[] outcomes) {
    for (int i = 0; i < requests.size(); i++) {
      AppendRequest r = requests.get(i);
      String last = EventDocuments.id(r.stream(), r.expected().value() + Math.max(1, r.events().size()));
      if (last.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_ID_BYTES) {
        outcomes[i] = AppendOutcome.refused(new io.esledger.application.eventstore.StreamNameTooLongException(
            r.stream(), "the stream name " + r.stream().value().length() + " characters long makes document ids "
                + "longer than " + MAX_ID_BYTES + " bytes; use a shorter id"));
      }
    }
  }

  /** Elasticsearch's limit on a document id. */
  static final int MAX_ID_BYTES = 512;

  /** Off only in tests that need a commit whose other documents were never written (a fault between the writes). */
  volatile boolean writeRestOfCommits = true;

  /** Off only in tests that need Elasticsearch itself to refuse a whole bulk (its id check is the one such case). */
  volatile boolean checkIdsBeforeSending = true;

  /**
   * An append after version {@code v} is only allowed if the event {@code v} exists and ends its
   * commit: otherwise the stream is elsewhere, or the append would split another commit. One
   * multi-get checks every predecessor this process cannot vouch for.
   */
  private void checkPredecessors(List<AppendRequest> requests, AppendOutcome[] outcomes) {
    List<Integer> unchecked = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      AppendRequest r = requests.get(i);
      if (r.events().isEmpty()) {
        outcomes[i] = AppendOutcome.refused(new IllegalArgumentException("an append needs at least one event"));
      } else if (r.expected().value() > 0 && !boundaries.isCommitEnd(r.stream(), r.expected().value())) {
        unchecked.add(i);
      }
    }
    if (unchecked.isEmpty()) {
      return;
    }
    List<MultiGetResponseItem<ObjectNode>> found;
    try {
      found = client.mget(m -> {
        unchecked.forEach(i -> {
          AppendRequest r = requests.get(i);
          m.docs(d -> d.index(index.name()).id(EventDocuments.id(r.stream(), r.expected().value()))
              .routing(r.stream().value()));
        });
        return m;
      }, ObjectNode.class).docs();
    } catch (IOException | RuntimeException e) {
      unchecked.forEach(i -> outcomes[i] = AppendOutcome.refused(ElasticsearchFailures.unavailable("check versions", e)));
      return;
    }
    for (int k = 0; k < unchecked.size(); k++) {
      AppendRequest r = requests.get(unchecked.get(k));
      MultiGetResponseItem<ObjectNode> item = found.get(k);
      boolean endsCommit = !item.isFailure() && item.result().found()
          && EventDocuments.commitEnd(item.result().source()) == r.expected().value();
      if (endsCommit) {
        try {
          awaitDurable(r.stream(), item.result().seqNo()); // never append on top of what a failover may undo
        } catch (EventStoreUnavailableException e) {
          outcomes[unchecked.get(k)] = AppendOutcome.refused(e);
          continue;
        }
        boundaries.remember(r.stream(), r.expected().value());
      } else {
        outcomes[unchecked.get(k)] = conflict(r);
      }
    }
  }

  /**
   * One bulk of commit documents; then one bulk of the rest of the multi-event commits that won. A
   * bulk whose answer never came (it may have been applied) is sent once more: each create then
   * either succeeds or meets a document, which is ours (stored) or another writer's (conflict).
   * When even that gets no answer the outcome is unknown, never "nothing stored".
   */
  private void writeCommits(List<AppendRequest> requests, List<Integer> writing, List<List<ObjectNode>> commits,
      AppendOutcome[] outcomes) {
    BulkResponse response;
    try {
      response = createCommits(requests, writing, commits);
    } catch (IOException | RuntimeException e) {
      if (neverSent(e)) {
        writing.forEach(i -> outcomes[i] = AppendOutcome.refused(ElasticsearchFailures.unavailable("append a batch", e)));
        return;
      }
      if (refusedWhole(e)) {
        // Elasticsearch answered and refused the request as a whole, so nothing of it was stored; one
        // bad member must not fail the others: each is sent again on its own
        if (writing.size() == 1) {
          int i = writing.get(0);
          LOG.warning(() -> "Elasticsearch refused an append to " + requests.get(i).stream() + ": " + e);
          outcomes[i] = AppendOutcome.refused(ElasticsearchFailures.unavailable("append to " + requests.get(i).stream(), e));
          return;
        }
        LOG.warning(() -> "Elasticsearch refused a bulk of " + writing.size() + " commits as a whole (" + e
            + "); sending each on its own");
        for (int k = 0; k < writing.size(); k++) {
          writeCommits(requests, List.of(writing.get(k)), List.of(commits.get(k)), outcomes);
        }
        return;
      }
      LOG.warning(() -> "No answer to a bulk of " + writing.size() + " commit(s) (" + e
          + "); sending it again to learn what was stored");
      try {
        response = createCommits(requests, writing, commits);
      } catch (IOException | RuntimeException again) {
        writing.forEach(i -> outcomes[i] = AppendOutcome.refused(new OutcomeUnknownException(
            "Elasticsearch did not answer whether " + requests.get(i).stream() + " was appended; retrying the "
                + "command with the same commandId is safe", again)));
        return;
      }
    }
    try {
      settle(requests, writing, commits, response, outcomes);
    } catch (RuntimeException e) {
      // Elasticsearch answered the bulk: whatever failed after that cannot make its commits unsent
      LOG.log(Level.WARNING, "reading the answer to a bulk of " + writing.size() + " commit(s) failed", e);
      writing.stream().filter(i -> outcomes[i] == null).forEach(i -> outcomes[i] = AppendOutcome.refused(
          new OutcomeUnknownException("could not learn whether " + requests.get(i).stream() + " was appended; "
              + "retrying the command with the same commandId is safe", e)));
    }
  }

  /**
   * The outcome of each commit from Elasticsearch's answer. A 409 — on a resend, or on the first
   * attempt when Elasticsearch itself retried a create after a primary failover — is ours when the
   * document there carries our commit's event id; its {@code _seq_no} then comes from reading it, so
   * the token covers it. The rest of each stored commit is written next, and the acknowledged
   * position covers those documents too.
   */
  private void settle(List<AppendRequest> requests, List<Integer> writing, List<List<ObjectNode>> commits,
      BulkResponse response, AppendOutcome[] outcomes) {
    Map<StreamId, List<ObjectNode>> followers = new LinkedHashMap<>();
    LogPosition acknowledged = log.start();
    for (int k = 0; k < writing.size(); k++) {
      int i = writing.get(k);
      AppendRequest r = requests.get(i);
      BulkResponseItem item = response.items().get(k);
      List<ObjectNode> docs = commits.get(k);
      Long seqNo = item.error() == null ? item.seqNo()
          : item.status() == 409 ? storedCommitSeqNo(r, docs.get(0), outcomes, i) : null;
      if (outcomes[i] != null) {
        continue; // settled while checking whose document met the create
      }
      if (item.error() == null || seqNo != null) {
        int last = r.expected().value() + docs.size();
        boundaries.remember(r.stream(), last);
        if (seqNo != null && seqNo >= 0) {
          acknowledged = acknowledged.advance(log.routing().shardOf(r.stream().value()), seqNo);
        }
        if (docs.size() > 1) {
          followers.put(r.stream(), docs.subList(1, docs.size()));
        }
        outcomes[i] = AppendOutcome.stored(new AppendResult(r.stream(), last, docs.stream().map(documents::event).toList()));
        streamCache.appended(r.stream(), r.expected().value(), outcomes[i].result().events());
      } else if (item.status() == 409) {
        outcomes[i] = conflict(r);
      } else {
        outcomes[i] = AppendOutcome.refused(new EventStoreUnavailableException(
            "Elasticsearch refused to append to " + r.stream() + " (HTTP " + item.status() + "): " + item.error().reason(), null));
      }
    }
    for (Map.Entry<StreamId, List<ObjectNode>> rest : followers.entrySet()) {
      if (writeRestOfCommits) {
        acknowledged = acknowledged.max(createAll(rest.getKey(), rest.getValue()));
      }
    }
    noteSeen(acknowledged);
    noteDurable(acknowledged); // acknowledged: on every in-sync copy of its shard
  }

  private BulkResponse createCommits(List<AppendRequest> requests, List<Integer> writing, List<List<ObjectNode>> commits)
      throws IOException {
    return client.bulk(b -> {
      for (int k = 0; k < writing.size(); k++) {
        AppendRequest r = requests.get(writing.get(k));
        ObjectNode commit = commits.get(k).get(0);
        b.operations(op -> op.create(c -> c.index(index.name())
            .id(EventDocuments.id(r.stream(), r.expected().value() + 1))
            .routing(r.stream().value())
            .document(commit)));
      }
      return b;
    });
  }

  /**
   * After a create met a document: the {@code _seq_no} of that document if it is the commit we sent
   * (same event id; -1 if Elasticsearch gave none), null if it is another writer's. When it cannot be
   * read, the outcome is set to unknown and null returned.
   */
  private Long storedCommitSeqNo(AppendRequest r, ObjectNode commit, AppendOutcome[] outcomes, int i) {
    try {
      var found = client.get(g -> g.index(index.name()).id(EventDocuments.id(r.stream(), r.expected().value() + 1))
          .routing(r.stream().value()), ObjectNode.class);
      if (found.found() && commit.path(EventFields.EVENT_ID).equals(found.source().path(EventFields.EVENT_ID))) {
        if (found.seqNo() != null) {
          awaitDurable(r.stream(), found.seqNo()); // perhaps a first try never acknowledged: durable before it counts
        }
        return found.seqNo() == null ? -1L : found.seqNo();
      }
      return null;
    } catch (IOException | RuntimeException e) {
      outcomes[i] = AppendOutcome.refused(new OutcomeUnknownException("could not learn whether " + r.stream()
          + " was appended; retrying the command with the same commandId is safe", e));
      return null;
    }
  }

  /**
   * Elasticsearch answered the request itself with a refusal (a validation failure, a rejection):
   * then no item of it was executed. A gateway's 502 or 504 says nothing of what happened behind it.
   */
  static boolean refusedWhole(Throwable failure) {
    int status = ElasticsearchFailures.status(failure);
    return status >= 400 && status != 502 && status != 504;
  }

  /** The request never reached Elasticsearch (the connection could not be made): nothing was stored. */
  private static boolean neverSent(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t.getClass().getSimpleName().contains("ConnectTimeout")) {
        return true;
      }
    }
    return false;
  }

  private AppendOutcome conflict(AppendRequest r) {
    try {
      return AppendOutcome.refused(new WrongExpectedVersionException(r.stream(), r.expected(), currentVersion(r.stream())));
    } catch (RuntimeException e) {
      return AppendOutcome.refused(e);
    }
  }

  private static StreamId streamOf(ObjectNode doc) {
    return new StreamId(doc.path(EventFields.AGGREGATE_TYPE).asText(), doc.path(EventFields.AGGREGATE_ID).asText());
  }

  @Override
  public Map<StreamId, List<RecordedEvent>> readAll(List<StreamId> streams) {
    index.ensureExists();
    // most streams hold one commit: their first two versions in one multi-get settle them
    List<MultiGetResponseItem<ObjectNode>> found;
    try {
      found = client.mget(m -> {
        streams.forEach(stream -> {
          m.docs(d -> d.index(index.name()).id(EventDocuments.id(stream, 1)).routing(stream.value()));
          m.docs(d -> d.index(index.name()).id(EventDocuments.id(stream, 2)).routing(stream.value()));
        });
        return m;
      }, ObjectNode.class).docs();
    } catch (IOException | RuntimeException e) {
      throw ElasticsearchFailures.unavailable("read " + streams.size() + " streams", e);
    }
    Map<StreamId, List<RecordedEvent>> histories = new LinkedHashMap<>();
    for (int k = 0; k < streams.size(); k++) {
      StreamId stream = streams.get(k);
      MultiGetResponseItem<ObjectNode> first = found.get(2 * k);
      MultiGetResponseItem<ObjectNode> second = found.get(2 * k + 1);
      if (first.isFailure() || second.isFailure()) {
        histories.put(stream, read(stream, 1));
      } else if (!first.result().found()) {
        histories.put(stream, List.of());
      } else if (!second.result().found() && EventDocuments.commitEnd(first.result().source()) == 1) {
        awaitDurable(stream, first.result().seqNo());
        boundaries.remember(stream, 1);
        noteSeen(stream, first.result().seqNo());
        histories.put(stream, List.of(documents.event(first.result().source())));
      } else {
        histories.put(stream, read(stream, 1));
      }
    }
    return histories;
  }

  /**
   * A known stream (read or written by this process before) is only checked for newer versions: its
   * known events are not fetched again.
   */
  @Override
  public List<RecordedEvent> read(StreamId stream, int fromVersion) {
    int from = Math.max(1, fromVersion);
    List<RecordedEvent> known = streamCache.known(stream);
    if (known.isEmpty() || from > known.size() + 1) {
      List<RecordedEvent> read = readStored(stream, from);
      if (from == 1) {
        streamCache.read(stream, read);
      }
      return read;
    }
    List<RecordedEvent> newer = readStored(stream, known.size() + 1);
    List<RecordedEvent> whole = known;
    if (!newer.isEmpty()) {
      whole = new ArrayList<>(known);
      whole.addAll(newer);
      streamCache.read(stream, whole);
    }
    return whole.subList(from - 1, whole.size());
  }

  /** Events of a stream from a version, all from Elasticsearch. */
  private List<RecordedEvent> readStored(StreamId stream, int fromVersion) {
    index.ensureExists();
    List<RecordedEvent> events = new ArrayList<>();
    Map<Integer, ObjectNode> fromCommits = new HashMap<>();
    List<ObjectNode> unmaterialized = new ArrayList<>();
    int next = Math.max(1, fromVersion);
    int batch = FIRST_READ_BATCH;
    long newestSeqNo = -1; // one note for the whole read: a stream lives on one shard
    while (true) {
      List<MultiGetResponseItem<ObjectNode>> found = mget(stream, next, batch);
      int taken = 0;
      for (MultiGetResponseItem<ObjectNode> item : found) {
        if (item.isFailure()) {
          throw new EventStoreUnavailableException("Elasticsearch could not read " + item.failure().id()
              + ": " + item.failure().error().reason(), null);
        }
        ObjectNode doc = item.result().found() ? item.result().source() : fromCommits.get(next + taken);
        if (doc == null) {
          break;
        }
        if (!item.result().found()) {
          unmaterialized.add(doc);
        } else if (item.result().seqNo() != null) {
          newestSeqNo = Math.max(newestSeqNo, item.result().seqNo());
        }
        EventDocuments.followers(doc).forEach(f -> fromCommits.put(f.path(EventFields.VERSION).asInt(), f));
        events.add(documents.event(doc));
        taken++;
      }
      if (taken < batch) {
        break;
      }
      next += batch;
      // a stream longer than one small batch is probably long: one round trip per 1024 events from here
      batch = MAX_READ_BATCH;
    }
    if (newestSeqNo >= 0) {
      awaitDurable(stream, newestSeqNo); // a decision or a fold never rests on what a failover may undo
      noteSeen(stream, newestSeqNo);
    }
    if (!events.isEmpty()) {
      boundaries.remember(stream, events.get(events.size() - 1).version());
    }
    if (!unmaterialized.isEmpty()) {
      repair(stream, unmaterialized);
    }
    return events;
  }

  /** Stops the group-commit flushers; appends after this fail. */
  @Override
  public void close() {
    groupCommit.close();
  }

  @Override
  public Optional<RecordedEvent> findEvent(String eventId) {
    index.ensureExists();
    Optional<RecordedEvent> found = searchEvent(eventId);
    if (found.isEmpty()) {
      // searches are near-real-time: only an answer after a refresh that began now means "no such event"
      log.refreshNow();
      found = searchEvent(eventId);
    }
    if (found.isEmpty()) {
      found = fromItsCommit(eventId);
    }
    return found;
  }

  /**
   * An event that is not a document of its own (the rest of its commit could not be written, and
   * no reader has repaired it yet) is still in its commit document: found there, and written back.
   */
  private Optional<RecordedEvent> fromItsCommit(String eventId) {
    try {
      var hit = client.search(s -> s
              .index(index.name())
              .query(q -> q.term(t -> t.field(EventFields.COMMIT_EVENT_IDS).value(eventId)))
              .size(1),
          ObjectNode.class).hits().hits().stream().findFirst();
      if (hit.isEmpty()) {
        return Optional.empty();
      }
      ObjectNode commit = hit.get().source();
      Optional<ObjectNode> follower = EventDocuments.followers(commit).stream()
          .filter(f -> eventId.equals(f.path(EventFields.EVENT_ID).asText())).findFirst();
      follower.ifPresent(f -> repair(streamOf(commit), List.of(f)));
      return follower.map(documents::event);
    } catch (IOException | RuntimeException e) {
      throw ElasticsearchFailures.unavailable("find event " + eventId + " in its commit", e);
    }
  }

  private Optional<RecordedEvent> searchEvent(String eventId) {
    try {
      return client.search(s -> s
              .index(index.name())
              .query(q -> q.term(t -> t.field(EventFields.EVENT_ID).value(eventId)))
              .size(1),
          ObjectNode.class)
          .hits().hits().stream().findFirst().map(hit -> documents.event(hit.source()));
    } catch (IOException | RuntimeException e) {
      throw ElasticsearchFailures.unavailable("find event " + eventId, e);
    }
  }

  @Override
  public LogPage readLog(LogPosition after, LogFilter filter, int max) {
    return log.read(after, filter, max, true);
  }

  @Override
  public LogSubscription subscribe(String name, LogPosition after, LogFilter filter, int max,
      LogSubscription.Consumer consumer) {
    return new CatchUpSubscription(name, log, after, filter, max, consumer, pollInterval, threads);
  }

  @Override
  public LogPosition logStart() {
    return log.start();
  }

  @Override
  public String logId() {
    return log.id();
  }

  @Override
  public LogPosition acknowledgedThrough() {
    LogPosition known = seen.get();
    return known == null ? log.start() : known;
  }

  @Override
  public LogPosition head() {
    return log.refreshVisible();
  }

  /** The longest a read waits for an in-flight operation it met to reach every in-sync copy. */
  private static final Duration DURABLE_WAIT = Duration.ofSeconds(5);

  /** Moves {@code known} up to cover {@code position} too. */
  private static void raise(AtomicReference<LogPosition> known, LogPosition position) {
    known.accumulateAndGet(position, (now, more) -> now == null ? more : now.max(more));
  }

  private void noteDurable(LogPosition position) {
    raise(durable, position);
  }

  /**
   * Returns once the operation {@code seqNo} on the stream's shard is durable. A real-time GET can
   * see an operation the primary has applied but not yet replicated — a write in flight, which a
   * primary failover may roll back. Reads that decisions and folds rest on wait for such an
   * operation to pass the shard's global checkpoint (usually a few milliseconds: the write is being
   * acknowledged meanwhile); past 5 s it is {@code STORE_UNAVAILABLE}.
   * Operations at or below what this process knows durable cost nothing.
   */
  private void awaitDurable(StreamId stream, Long seqNo) {
    if (seqNo == null || seqNo < 0) {
      return;
    }
    int shard = log.routing().shardOf(stream.value());
    LogPosition known = durable.get();
    if (known != null && known.seqNo(shard) >= seqNo) {
      return;
    }
    long deadline = System.nanoTime() + DURABLE_WAIT.toNanos();
    while (true) {
      LogPosition checkpoints = log.durableHead();
      noteDurable(checkpoints);
      if (checkpoints.seqNo(shard) >= seqNo) {
        durableWaits.incrementAndGet();
        return;
      }
      if (System.nanoTime() - deadline > 0) {
        throw new EventStoreUnavailableException("the newest event of " + stream + " is not yet on every copy of its "
            + "shard after " + DURABLE_WAIT.toSeconds() + " s (a write in flight, or a failover under way)", null);
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new EventStoreUnavailableException("interrupted while waiting for a write in flight", e);
      }
    }
  }

  private final java.util.concurrent.atomic.AtomicLong durableWaits = new java.util.concurrent.atomic.AtomicLong();

  /** Reads that met an operation not yet known durable and checked the global checkpoint for it (a running total). */
  public long durableWaits() {
    return durableWaits.get();
  }

  private void noteSeen(LogPosition position) {
    raise(seen, position);
  }

  private void noteSeen(StreamId stream, Long seqNo) {
    if (seqNo != null) {
      noteSeen(log.start().advance(log.routing().shardOf(stream.value()), seqNo));
    }
  }

  /** Attempts at writing the rest of a stored commit before leaving it to readers to rebuild. */
  private static final int FOLLOWER_ATTEMPTS = 3;

  /**
   * Writes the rest of a commit; each is create-guarded, and an identical one already there is fine
   * (its {@code _seq_no} is not known then, and it is at or below the commit's own). Returns the
   * position the written documents reached. What still fails after a few attempts is logged:
   * readers rebuild it from the commit document, which holds every event.
   */
  private LogPosition createAll(StreamId stream, List<ObjectNode> followers) {
    LogPosition reached = log.start();
    int shard = log.routing().shardOf(stream.value());
    List<ObjectNode> left = followers;
    for (int attempt = 1; attempt <= FOLLOWER_ATTEMPTS && !left.isEmpty(); attempt++) {
      List<ObjectNode> sending = left;
      List<ObjectNode> failed = new ArrayList<>();
      try {
        BulkResponse response = client.bulk(b -> {
          sending.forEach(doc -> b.operations(op -> op.create(c -> c
              .index(index.name())
              .id(EventDocuments.id(stream, doc.path(EventFields.VERSION).asInt()))
              .routing(stream.value())
              .document(doc))));
          return b;
        });
        for (int k = 0; k < response.items().size(); k++) {
          BulkResponseItem item = response.items().get(k);
          if (item.error() == null && item.seqNo() != null) {
            reached = reached.advance(shard, item.seqNo());
          } else if (item.error() != null && item.status() != 409) {
            failed.add(sending.get(k));
            String reason = item.error().reason();
            LOG.warning(() -> "Could not write " + item.id() + " of a stored commit: " + reason);
          }
        }
      } catch (IOException | RuntimeException e) {
        LOG.log(Level.WARNING, "Could not write the rest of a stored commit on " + stream, e);
        failed = sending;
      }
      left = failed;
      if (!left.isEmpty() && attempt < FOLLOWER_ATTEMPTS) {
        try {
          Thread.sleep(50L * attempt);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    if (!left.isEmpty()) {
      int missing = left.size();
      LOG.warning(() -> missing + " event document(s) of a stored commit on " + stream + " are not written; "
          + "readers of the stream rebuild them from the commit document");
    }
    return reached;
  }

  private void repair(StreamId stream, List<ObjectNode> unmaterialized) {
    LOG.info(() -> "Rebuilding " + unmaterialized.size() + " event document(s) of " + stream
        + " from their commit document");
    createAll(stream, unmaterialized);
  }

  /** The stream's version now: a search for the highest indexed version, then real-time gets past it. */
  private int currentVersion(StreamId stream) {
    int indexed = highestIndexedVersion(stream);
    List<RecordedEvent> tail = read(stream, Math.max(1, indexed));
    return tail.isEmpty() ? indexed : tail.get(tail.size() - 1).version();
  }

  private int highestIndexedVersion(StreamId stream) {
    try {
      var response = client.search(s -> s
              .index(index.name())
              .routing(stream.value())
              .query(q -> q.term(t -> t.field(EventFields.STREAM_ID).value(stream.value())))
              .sort(o -> o.field(f -> f.field(EventFields.VERSION).order(SortOrder.Desc)))
              .source(src -> src.fetch(false))
              .size(1),
          ObjectNode.class);
      return response.hits().hits().stream().findFirst()
          .map(hit -> Integer.parseInt(hit.id().substring(hit.id().lastIndexOf(':') + 1)))
          .orElse(0);
    } catch (IOException | RuntimeException e) {
      throw ElasticsearchFailures.unavailable("read the version of " + stream, e);
    }
  }

  private List<MultiGetResponseItem<ObjectNode>> mget(StreamId stream, int from, int count) {
    List<String> ids = IntStream.range(from, from + count).mapToObj(v -> EventDocuments.id(stream, v)).toList();
    try {
      return client.mget(m -> m.index(index.name()).routing(stream.value()).ids(ids), ObjectNode.class).docs();
    } catch (IOException | RuntimeException e) {
      throw ElasticsearchFailures.unavailable("read stream " + stream, e);
    }
  }
}
