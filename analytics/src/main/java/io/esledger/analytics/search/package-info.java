/**
 * Search and analytics over the event index: paged event search, events by type, full text over
 * event data and metadata, statistics, trends, heatmaps and correlation traces. Near-real-time
 * (what the index has refreshed), read-only, and bounded: every request is validated against
 * {@link io.esledger.analytics.search.QueryLimits} before anything is sent. See docs/query-side.md.
 */
package io.esledger.analytics.search;
