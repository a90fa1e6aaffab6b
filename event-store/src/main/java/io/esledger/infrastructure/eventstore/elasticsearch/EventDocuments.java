package io.esledger.infrastructure.eventstore.elasticsearch;

import static io.esledger.infrastructure.eventstore.view.EventFields.*;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.esledger.application.eventstore.EventMetadata;
import io.esledger.application.eventstore.EventUpcaster;
import io.esledger.application.eventstore.NewEvent;
import io.esledger.application.eventstore.RecordedEvent;
import io.esledger.application.eventstore.StreamId;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Event documents as they are stored, and back. */
public final class EventDocuments {

  private final ObjectMapper json;
  private final EventUpcaster upcaster;

  public EventDocuments(ObjectMapper json) {
    this(json, EventUpcaster.NONE);
  }

  /** Documents read as events are brought to their type's current shape by {@code upcaster}. */
  public EventDocuments(ObjectMapper json, EventUpcaster upcaster) {
    this.json = json;
    this.upcaster = upcaster;
  }

  /** The document id of a stream's event: {@code <aggregateType>:<aggregateId>:<version>}. */
  public static String id(StreamId stream, int version) {
    return stream.value() + ":" + version;
  }

  /**
   * The documents of one commit, versions {@code first..first+n-1}. The first document is the
   * commit: when there are several events it also carries all of them, so the commit is stored
   * atomically with that one document and the others can always be rebuilt from it.
   */
  public List<ObjectNode> commit(StreamId stream, int first, List<NewEvent> events) {
    List<ObjectNode> docs = new ArrayList<>(events.size());
    for (int i = 0; i < events.size(); i++) {
      docs.add(document(stream, first + i, first, events.size(), events.get(i)));
    }
    if (docs.size() > 1) {
      ObjectNode head = docs.get(0).deepCopy();
      head.putArray(COMMIT_EVENTS).addAll(docs.subList(1, docs.size()));
      var ids = head.putArray(io.esledger.infrastructure.eventstore.view.EventFields.COMMIT_EVENT_IDS);
      docs.subList(1, docs.size()).forEach(d -> ids.add(d.path(EVENT_ID).asText()));
      docs.set(0, head);
    }
    return docs;
  }

  private ObjectNode document(StreamId stream, int version, int commitVersion, int commitSize, NewEvent event) {
    ObjectNode doc = json.createObjectNode();
    doc.put(EVENT_ID, event.eventId());
    doc.put(STREAM_ID, stream.value());
    doc.put(AGGREGATE_ID, stream.aggregateId());
    doc.put(AGGREGATE_TYPE, stream.aggregateType());
    doc.put(EVENT_TYPE, event.eventType());
    doc.put(SCHEMA_VERSION, event.schemaVersion());
    doc.putRawValue(EVENT_DATA, checked(event.data())); // the serializer's JSON goes out as it came
    doc.put(VERSION, version);
    doc.put(TIMESTAMP, event.timestamp().toString());
    // the envelope is an open map: correlation and causation are top-level fields of the index (traced
    // and searched across streams), every other key goes under metadata as it is
    EventMetadata meta = event.metadata();
    doc.put(CORRELATION_ID, meta.get(CORRELATION_ID));
    doc.put(CAUSATION_ID, meta.get(CAUSATION_ID));
    ObjectNode metadata = doc.putObject(METADATA);
    meta.values().forEach((key, value) -> {
      if (!key.equals(CORRELATION_ID) && !key.equals(CAUSATION_ID)) {
        metadata.put(key, value);
      }
    });
    doc.put(COMMIT_VERSION, commitVersion);
    doc.put(COMMIT_SIZE, commitSize);
    return doc;
  }

  /**
   * An event document (a search hit's or a get's source) as a recorded event, in its type's current
   * shape. A document without a schema version was written before events had one: version 1.
   */
  public RecordedEvent event(JsonNode doc) {
    return upcaster.upcast(stored(doc));
  }

  /** An event document exactly as stored, not upcast. */
  public RecordedEvent stored(JsonNode doc) {
    return new RecordedEvent(
        doc.path(EVENT_ID).asText(),
        new StreamId(doc.path(AGGREGATE_TYPE).asText(), doc.path(AGGREGATE_ID).asText()),
        doc.path(VERSION).asInt(),
        doc.path(EVENT_TYPE).asText(),
        doc.path(SCHEMA_VERSION).asInt(1),
        doc.path(EVENT_DATA).toString(),
        Instant.parse(doc.path(TIMESTAMP).asText()),
        metadata(doc));
  }

  /** The envelope as stored: correlation and causation from the top level, the rest from metadata. */
  private static EventMetadata metadata(JsonNode doc) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put(CORRELATION_ID, text(doc, CORRELATION_ID));
    values.put(CAUSATION_ID, text(doc, CAUSATION_ID));
    doc.path(METADATA).fields().forEachRemaining(field -> {
      if (!field.getValue().isNull()) {
        values.put(field.getKey(), field.getValue().asText());
      }
    });
    return new EventMetadata(values);
  }

  /** The documents a commit document says follow it (empty for a one-event commit). */
  static List<ObjectNode> followers(JsonNode commit) {
    List<ObjectNode> followers = new ArrayList<>();
    commit.path(COMMIT_EVENTS).forEach(f -> followers.add((ObjectNode) f));
    return followers;
  }

  /** The last version of the commit this document belongs to. */
  static int commitEnd(JsonNode doc) {
    return doc.path(COMMIT_VERSION).asInt() + doc.path(COMMIT_SIZE).asInt() - 1;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  /**
   * The event's JSON as it is, once checked to be exactly one well-formed object: it is written into
   * the document verbatim, never parsed into a tree and written again. The check streams over the
   * tokens (nothing is built) and keeps a malformed payload from breaking a bulk request that other
   * appends share.
   */
  private RawValue checked(String data) {
    try (JsonParser parser = json.getFactory().createParser(data)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("event data must be a JSON object");
      }
      parser.skipChildren();
      if (parser.nextToken() != null) {
        throw new IllegalArgumentException("event data must be one JSON object, with nothing after it");
      }
      return new RawValue(data);
    } catch (IOException e) {
      throw new IllegalArgumentException("event data is not valid JSON", e);
    }
  }
}
