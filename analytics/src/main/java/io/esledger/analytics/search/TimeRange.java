package io.esledger.analytics.search;

import java.time.Duration;
import java.time.Instant;

/** An inclusive time range; either end may be open (null) unless the query needs both. */
record TimeRange(Instant from, Instant to) {

  static TimeRange optional(String fromField, Instant from, String toField, Instant to) {
    Inputs.optional(fromField, from);
    Inputs.optional(toField, to);
    if (from != null && to != null && from.isAfter(to)) {
      throw new QueryRefusedException(fromField, fromField + " (" + from + ") must not be after " + toField
          + " (" + to + ")");
    }
    return new TimeRange(from, to);
  }

  static TimeRange required(String fromField, Instant from, String toField, Instant to) {
    Inputs.required(fromField, from);
    Inputs.required(toField, to);
    return optional(fromField, from, toField, to);
  }

  /** This range, refused (naming {@code toField}) if it spans more than {@code max}. */
  TimeRange atMost(Duration max, String toField) {
    if (Duration.between(from, to).compareTo(max) > 0) {
      throw new QueryRefusedException(toField, "the range " + from + " .. " + to + " is longer than the "
          + max.toDays() + " days allowed here");
    }
    return this;
  }

  boolean isOpen() {
    return from == null && to == null;
  }
}
