package io.esledger.infrastructure.eventstore.elasticsearch;

import io.esledger.application.eventstore.EventStore;
import io.esledger.application.eventstore.EventStoreContract;

/** The Elasticsearch store keeps the promises every event store makes (the in-memory one keeps them too). */
class ElasticsearchEventStoreContractIT extends ElasticsearchNodeSupport implements EventStoreContract {

  @Override
  public EventStore store() {
    return store;
  }
}
