package io.esledger.analytics.search;

import java.time.Duration;
import java.time.Instant;

/**
 * How big a query may get; docs/query-side.md says why each limit is what it is. Checked in Java,
 * before a request is built, so a refused query never reaches Elasticsearch.
 */
public final class QueryLimits {

  /** Ids and type names: aggregate type, event type, organization, user, correlation. */
  public static final int MAX_ID_LENGTH = 128;
  /** Free text, in characters (code points). */
  public static final int MAX_TEXT_LENGTH = 512;
  /** Free text, in whitespace-separated words (each becomes one clause). */
  public static final int MAX_TEXT_WORDS = 32;
  /** Events returned by the unpaged lists: by type, full text, correlation trace. */
  public static final int MAX_RESULTS = 1_000;
  /** Buckets of one trend series. */
  public static final int MAX_BUCKETS = 1_000;
  /** Range of statistics and heatmaps (their hourly series stays under 750 buckets). */
  public static final Duration MAX_HOURLY_RANGE = Duration.ofDays(31);
  /** Organizations and users listed by statistics, most events first. */
  public static final int TOP_TERMS = 10;
  /** Dates outside four-digit years are refused rather than sent in a form Elasticsearch rejects. */
  public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

  private QueryLimits() {}
}
