package io.esledger.infrastructure.eventstore.elasticsearch;

import io.esledger.application.eventstore.RecordedEvent;
import io.esledger.application.eventstore.StreamId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams as far as this process has read or written them, whole from version 1. Stored events never
 * change, so a read of a known stream only asks Elasticsearch for versions after the known ones
 * (one small multi-get) instead of the whole stream. Bounded by a number of events, least recently
 * used streams first; a stream longer than {@link #MAX_STREAM_EVENTS} is not kept.
 */
final class StreamCache {

  static final int MAX_STREAM_EVENTS = 1_000;

  private final int maxEvents;
  private final LinkedHashMap<StreamId, List<RecordedEvent>> streams = new LinkedHashMap<>(1024, 0.75f, true);
  private int events;

  StreamCache(int maxEvents) {
    this.maxEvents = maxEvents;
  }

  /** Forgets every stream (the log was replaced: what was known of it is void). */
  synchronized void clear() {
    streams.clear();
    events = 0;
  }

  /** The known events of a stream from version 1 (empty: none known). */
  synchronized List<RecordedEvent> known(StreamId stream) {
    List<RecordedEvent> known = streams.get(stream);
    return known == null ? List.of() : known;
  }

  /** The whole stream as just read (from version 1). */
  synchronized void read(StreamId stream, List<RecordedEvent> whole) {
    forget(stream);
    if (whole.isEmpty() || whole.size() > MAX_STREAM_EVENTS || maxEvents <= 0) {
      return;
    }
    streams.put(stream, List.copyOf(whole));
    events += whole.size();
    while (events > maxEvents && !streams.isEmpty()) {
      Map.Entry<StreamId, List<RecordedEvent>> eldest = streams.entrySet().iterator().next();
      events -= eldest.getValue().size();
      streams.remove(eldest.getKey());
    }
  }

  /** An acknowledged append after version {@code expected}: extends a known stream (or starts a new one). */
  synchronized void appended(StreamId stream, int expected, List<RecordedEvent> added) {
    List<RecordedEvent> known = streams.get(stream);
    if (expected == 0) {
      read(stream, added);
    } else if (known != null && known.size() == expected) {
      List<RecordedEvent> grown = new ArrayList<>(known);
      grown.addAll(added);
      read(stream, grown);
    } else {
      forget(stream);
    }
  }

  /** What is known of a stream may be stale (another writer got there first): read it again next time. */
  synchronized void forget(StreamId stream) {
    List<RecordedEvent> gone = streams.remove(stream);
    if (gone != null) {
      events -= gone.size();
    }
  }
}
