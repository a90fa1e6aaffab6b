package io.esledger.analytics.search;

import io.esledger.application.eventstore.RecordedEvent;
import java.util.List;

/**
 * One page of matching events, newest first. {@code total} counts all matches exactly up to
 * {@link PageRequest#MAX_WINDOW}; beyond that it is that lower bound and {@code totalIsExact} is false.
 */
public record EventPage(long total, boolean totalIsExact, List<RecordedEvent> items) {

  public EventPage {
    items = List.copyOf(items);
  }
}
