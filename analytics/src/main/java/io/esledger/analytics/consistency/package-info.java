/**
 * Read-your-writes for the near-real-time side. A mutation hands out a {@link
 * io.esledger.analytics.consistency.ConsistencyToken}; a query given it first makes sure the
 * writes before it are searchable (an on-demand refresh, shared by concurrent callers) and, for
 * read models, applied by their projection. Queries without a token pay nothing.
 */
package io.esledger.analytics.consistency;
