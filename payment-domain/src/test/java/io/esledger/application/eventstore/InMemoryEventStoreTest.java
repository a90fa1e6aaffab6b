package io.esledger.application.eventstore;

/** The in-memory store keeps the same promises as the Elasticsearch one. */
class InMemoryEventStoreTest implements EventStoreContract {

  private final InMemoryEventStore store = new InMemoryEventStore();

  @Override
  public EventStore store() {
    return store;
  }
}
