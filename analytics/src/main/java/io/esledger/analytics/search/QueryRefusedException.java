package io.esledger.analytics.search;

/**
 * A query that is malformed or too big to run (blank id, {@code from} after {@code to}, a range
 * that would explode into too many buckets…). Thrown before anything is sent to Elasticsearch.
 */
public class QueryRefusedException extends RuntimeException {

  private final String field;

  /** @param field the refused input, named as the API names it ({@code page.size}, {@code filter.from}, {@code to}) */
  public QueryRefusedException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
