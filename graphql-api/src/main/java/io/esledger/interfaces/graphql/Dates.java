package io.esledger.interfaces.graphql;

import io.esledger.interfaces.graphql.errors.ValidationFailedException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** Date arguments: instants with an offset, and IANA time zones for bucketing (UTC by default). */
final class Dates {

  private Dates() {}

  static Instant instant(OffsetDateTime dateTime) {
    return dateTime == null ? null : dateTime.toInstant();
  }

  static ZoneId zone(String timeZone) throws ValidationFailedException {
    if (timeZone == null) {
      return ZoneId.of("UTC");
    }
    try {
      return ZoneId.of(timeZone);
    } catch (DateTimeException e) {
      throw new ValidationFailedException("timeZone", "unknown time zone " + timeZone + " (use an IANA name like Europe/Berlin)");
    }
  }
}
