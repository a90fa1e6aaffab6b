/**
 * The port to the event store: streams of immutable events, appended with an expected version and
 * read back in version order. Implemented in the event-store module (Elasticsearch).
 */
package io.esledger.application.eventstore;
