/**
 * The query side: event search, statistics and projections (read models) over the event index.
 * Thin for now; the write path lives in payment-domain and event-store.
 */
package io.esledger.analytics;
