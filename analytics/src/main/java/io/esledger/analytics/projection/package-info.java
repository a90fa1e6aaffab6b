/**
 * Projections: event handlers that keep read models in their own indices. The {@code payments}
 * read model holds one document per payment, written with Elasticsearch external versioning (the
 * stream version), so applying an event twice or out of order changes nothing. Whenever a batch
 * does not start a stream, the projection folds the whole stream from the event store, so a
 * missed event (a gap) is repaired rather than skipped.
 */
package io.esledger.analytics.projection;
