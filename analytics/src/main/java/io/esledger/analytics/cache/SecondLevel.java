package io.esledger.analytics.cache;

import java.time.Duration;
import java.util.Optional;

/**
 * The shared cache level as {@link AnswerCache} sees it: text under a key, with a time to live.
 * Implementations may fail with any runtime exception; the cache treats a failure as a miss and
 * carries on with its in-process level.
 */
public interface SecondLevel {

  /** The text stored under {@code key}; empty when absent. */
  Optional<String> get(String key);

  void put(String key, String text, Duration ttl);
}
