package io.esledger.infrastructure.eventstore.elasticsearch;

import io.esledger.application.eventstore.StreamId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last version known to end a commit, per stream, for streams this process wrote or read
 * lately. Such a fact never becomes false (stored events are immutable), so an append right after
 * a read or an append of the same stream can skip checking its predecessor.
 */
final class CommitBoundaries {

  private final Map<String, Integer> lastKnown;

  CommitBoundaries(int capacity) {
    this.lastKnown = new LinkedHashMap<>(1024, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
        return size() > capacity;
      }
    };
  }

  synchronized boolean isCommitEnd(StreamId stream, int version) {
    Integer known = lastKnown.get(stream.value());
    return known != null && known == version;
  }

  synchronized void remember(StreamId stream, int version) {
    lastKnown.merge(stream.value(), version, Math::max);
  }

  /** Forgets everything (the log was replaced: what was known of it is void). */
  synchronized void clear() {
    lastKnown.clear();
  }
}
