package io.esledger.analytics.projection;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.esledger.application.eventstore.LogPosition;
import io.esledger.infrastructure.elasticsearch.ElasticsearchClients;
import io.esledger.infrastructure.elasticsearch.ElasticsearchFailures;
import java.io.IOException;
import java.util.Optional;

/**
 * One document per projection ({@code <prefix>projections/_doc/<name>}) that is both its checkpoint
 * (the log position everything before which is in the read model) and the lease that lets one app
 * instance at a time run it. Every change is a compare-and-set on the document's sequence number
 * and primary term, so a holder that lost the lease finds out on its next write (fencing): it can
 * neither move the checkpoint nor renew. A contender takes the lease when the document has not
 * changed for the lease time as measured on its own monotonic clock — no wall clocks compared.
 */
final class ProjectionLease {

  static final String POSITION = "position";
  static final String HOLDER = "holder";
  static final String TERM = "term";
  static final String BEAT = "beat";
  static final String INDEX = "index";
  static final String LOG = "log";

  private final ElasticsearchClient client;
  private final String index;
  private final String name;
  private volatile Runnable prepare = () -> {};

  ProjectionLease(ElasticsearchClient client, String index, String name) {
    this.client = client;
    this.index = index;
    this.name = name;
  }

  /** The lease of projection {@code name} in {@code <prefix>projections}, an index the application creates. */
  static ProjectionLease of(ElasticsearchClient client, io.esledger.infrastructure.elasticsearch.ElasticsearchSettings settings,
      String name) {
    String index = settings.indexPrefix() + "projections";
    return new ProjectionLease(client, index, name).preparedBy(new OwnIndex(client, settings, index));
  }

  /** What makes sure the index exists before the document is first created ({@link OwnIndex}). */
  ProjectionLease preparedBy(Runnable prepare) {
    this.prepare = prepare;
    return this;
  }

  /**
   * The document as read, with what a compare-and-set needs. {@code index} names the concrete index
   * the read model lives in since a rebuild set it (null before the first rebuild): the checkpoint
   * is a position of that index's content, so both change in one compare-and-set.
   */
  record State(LogPosition position, String holder, long term, long beat, String index, String log, long seqNo,
      long primaryTerm) {

    boolean heldBy(String instance) {
      return instance.equals(holder);
    }

    boolean free() {
      return holder == null || holder.isEmpty();
    }

    /** Same document version: nobody wrote it in between. */
    boolean sameVersion(State other) {
      return other != null && seqNo == other.seqNo && primaryTerm == other.primaryTerm;
    }
  }

  /** Real-time read of the document; empty when the projection never ran. */
  Optional<State> read() throws IOException {
    try {
      var got = client.get(g -> g.index(index).id(name), ObjectNode.class);
      if (!got.found()) {
        return Optional.empty();
      }
      ObjectNode doc = got.source();
      String position = doc.path(POSITION).asText("");
      return Optional.of(new State(position.isEmpty() ? null : LogPosition.parse(position),
          doc.path(HOLDER).isNull() ? null : doc.path(HOLDER).asText(null), doc.path(TERM).asLong(),
          doc.path(BEAT).asLong(), doc.path(INDEX).isTextual() ? doc.path(INDEX).asText() : null,
          doc.path(LOG).isTextual() ? doc.path(LOG).asText() : null, got.seqNo(), got.primaryTerm()));
    } catch (ElasticsearchException e) {
      if (e.status() == 404) {
        return Optional.empty(); // the index itself does not exist yet
      }
      throw e;
    }
  }

  /** Creates the document held by {@code instance}; empty when another instance created it first. */
  Optional<State> create(String instance, LogPosition start, String log) throws IOException {
    prepare.run();
    ObjectNode doc = document(start, instance, 1, 0, null, log);
    return unlessConflict(() -> {
      var created = client.create(c -> c.index(index).id(name).document(doc));
      return new State(start, instance, 1, 0, null, log, created.seqNo(), created.primaryTerm());
    });
  }

  /**
   * Replaces the document if it is still {@code expected}; empty when someone else wrote it since
   * (for a holder: the lease is lost).
   */
  Optional<State> replace(State expected, LogPosition position, String holder, long term, long beat)
      throws IOException {
    return replace(expected, position, expected.index(), expected.log(), holder, term, beat);
  }

  /**
   * As {@link #replace(State, LogPosition, String, long, long)}, naming the read model's index and
   * the log the position belongs to ({@code EventStore.logId}) too.
   */
  Optional<State> replace(State expected, LogPosition position, String readModelIndex, String log, String holder,
      long term, long beat) throws IOException {
    ObjectNode doc = document(position, holder, term, beat, readModelIndex, log);
    return unlessConflict(() -> {
      var written = client.index(i -> i.index(index).id(name).document(doc)
          .ifSeqNo(expected.seqNo()).ifPrimaryTerm(expected.primaryTerm()));
      return new State(position, holder, term, beat, readModelIndex, log, written.seqNo(), written.primaryTerm());
    });
  }

  /** A write that someone else's write beat (409) is empty; anything else is thrown. */
  private static Optional<State> unlessConflict(Write write) throws IOException {
    try {
      return Optional.of(write.run());
    } catch (IOException | RuntimeException e) {
      if (ElasticsearchFailures.isConflict(e)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @FunctionalInterface
  private interface Write {
    State run() throws IOException;
  }

  private static ObjectNode document(LogPosition position, String holder, long term, long beat, String readModelIndex,
      String log) {
    ObjectNode doc = ElasticsearchClients.objectMapper().createObjectNode();
    if (log != null) {
      doc.put(LOG, log);
    }
    if (readModelIndex != null) {
      doc.put(INDEX, readModelIndex);
    }
    doc.put(POSITION, position == null ? "" : position.encode());
    doc.put(HOLDER, holder);
    doc.put(TERM, term);
    doc.put(BEAT, beat);
    return doc;
  }
}
