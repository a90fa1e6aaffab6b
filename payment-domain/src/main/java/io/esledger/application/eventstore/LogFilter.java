package io.esledger.application.eventstore;

import java.util.Set;

/**
 * Which events of the log a reader wants: by aggregate type, by event type, and by metadata keys the
 * event's envelope must carry (each an empty set: any). The store knows no metadata key: a reader
 * and the writers it follows agree on one (e.g. the payments side marks events of payments that name
 * an invoice), so the store can leave out what the reader would only skip.
 */
public record LogFilter(Set<String> aggregateTypes, Set<String> eventTypes, Set<String> metadataKeys) {

  public LogFilter {
    aggregateTypes = aggregateTypes == null ? Set.of() : Set.copyOf(aggregateTypes);
    eventTypes = eventTypes == null ? Set.of() : Set.copyOf(eventTypes);
    metadataKeys = metadataKeys == null ? Set.of() : Set.copyOf(metadataKeys);
  }

  public LogFilter(Set<String> aggregateTypes, Set<String> eventTypes) {
    this(aggregateTypes, eventTypes, Set.of());
  }

  public static LogFilter all() {
    return new LogFilter(Set.of(), Set.of());
  }

  public static LogFilter aggregateType(String aggregateType) {
    return new LogFilter(Set.of(aggregateType), Set.of());
  }

  public boolean matches(RecordedEvent event) {
    return (aggregateTypes.isEmpty() || aggregateTypes.contains(event.stream().aggregateType()))
        && (eventTypes.isEmpty() || eventTypes.contains(event.eventType()))
        && metadataKeys.stream().allMatch(key -> event.metadata().get(key) != null);
  }
}
