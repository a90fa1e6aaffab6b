package io.esledger.interfaces.graphql;

import org.eclipse.microprofile.graphql.Enum;

/** Bucket width of a trend. */
@Enum("TimeInterval")
public enum TimeInterval {
  HOUR, DAY, WEEK, MONTH;

  io.esledger.analytics.search.TimeInterval toSearch() {
    return io.esledger.analytics.search.TimeInterval.valueOf(name());
  }
}
