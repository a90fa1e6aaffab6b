package io.esledger.application.eventstore;

import java.util.Set;

/** Which events of the log a reader wants: by aggregate type and by event type (an empty set: any). */
public record LogFilter(Set<String> aggregateTypes, Set<String> eventTypes) {

  public LogFilter {
    aggregateTypes = aggregateTypes == null ? Set.of() : Set.copyOf(aggregateTypes);
    eventTypes = eventTypes == null ? Set.of() : Set.copyOf(eventTypes);
  }

  public static LogFilter all() {
    return new LogFilter(Set.of(), Set.of());
  }

  public static LogFilter aggregateType(String aggregateType) {
    return new LogFilter(Set.of(aggregateType), Set.of());
  }

  public boolean matches(RecordedEvent event) {
    return (aggregateTypes.isEmpty() || aggregateTypes.contains(event.stream().aggregateType()))
        && (eventTypes.isEmpty() || eventTypes.contains(event.eventType()));
  }
}
