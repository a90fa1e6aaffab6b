package io.esledger.infrastructure.eventstore.view;

import com.fasterxml.jackson.databind.JsonNode;
import io.esledger.application.eventstore.RecordedEvent;

/**
 * What readers outside the event store (search, analytics) may rely on of the event index: its
 * name, its field names ({@link EventFields}) and how one of its documents reads as an event.
 * Everything else of the store (document ids, commit documents, routing) is its own business;
 * ordered reads go through the {@code EventStore} port's log.
 */
public interface EventIndexView {

  /** The index name, to search and aggregate over. */
  String name();

  /** Creates the index if it is missing (a search before the first append then finds nothing, not an error). */
  void ensureExists();

  /** An event document (a search hit's source) as the event it stores. */
  RecordedEvent event(JsonNode source);
}
