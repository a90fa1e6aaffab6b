/**
 * Caching of analytics answers. An answer is served from cache only while it is fresh (TTL) and
 * was computed after every write the caller asked to see became searchable, so a cache never hides
 * a write requested with {@code consistentWith}.
 */
package io.esledger.analytics.cache;
