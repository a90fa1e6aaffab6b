package io.esledger.analytics.search;

/**
 * One page of a search: {@code size} events after skipping {@code offset}. Bounded by
 * {@link #MAX_SIZE} per page and by Elasticsearch's result window ({@link #MAX_WINDOW}): deeper
 * paging needs search_after, which this API does not offer.
 *
 * @throws QueryRefusedException (from the constructor) naming {@code page.offset} or {@code page.size}
 */
public record PageRequest(int offset, int size) {

  public static final int MAX_SIZE = 100;
  public static final int MAX_WINDOW = 10_000;
  public static final int DEFAULT_SIZE = 20;

  public PageRequest {
    if (offset < 0) {
      throw new QueryRefusedException("page.offset", "page offset must be 0 or more, was " + offset);
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new QueryRefusedException("page.size", "page size must be between 1 and " + MAX_SIZE + ", was " + size);
    }
    if ((long) offset + size > MAX_WINDOW) {
      throw new QueryRefusedException("page.offset", "page offset + size must be at most " + MAX_WINDOW
          + ", was " + ((long) offset + size));
    }
  }

  /** The first {@link #DEFAULT_SIZE} events. */
  public static PageRequest first() {
    return new PageRequest(0, DEFAULT_SIZE);
  }
}
