package io.esledger.analytics.search;

import static io.esledger.analytics.search.Given.event;

import java.time.Instant;
import java.time.ZoneId;

/**
 * A small set of events whose counts per hour, day, week, month, organization and user are known
 * by hand. March 2026 holds six {@code PaymentProcessed}; around them are one in February, one in
 * April and a {@code PaymentRefunded} that must never be counted with them.
 * <pre>
 *  p-01  2026-02-27 08:00:00      Fri  org-a user-1
 *  p-02  2026-03-02 10:15:00      Mon  org-a user-1   (then PaymentRefunded at 10:20, same stream)
 *  p-03  2026-03-02 10:40:00      Mon  org-a user-2
 *  p-04  2026-03-02 10:59:59.999  Mon  org-b user-1
 *  p-05  2026-03-02 11:00:00      Mon  org-a user-1
 *  p-06  2026-03-03 23:30:00      Tue  org-b user-3   (Wednesday 00:30 in Berlin)
 *  p-07  2026-03-08 12:00:00      Sun  org-c user-3
 *  p-08  2026-04-01 09:00:00      Wed  org-a user-2
 * </pre>
 * All times UTC; Berlin is UTC+1 until 29 March.
 */
final class KnownEvents {

  static final String PROCESSED = "PaymentProcessed";
  static final String REFUNDED = "PaymentRefunded";
  static final Instant MARCH_START = Instant.parse("2026-03-01T00:00:00Z");
  static final Instant MARCH_END = Instant.parse("2026-03-31T23:59:59.999Z");
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private KnownEvents() {}

  static void appendTo(SearchNodeSupport test) {
    test.given("Payment", "p-01", event(PROCESSED, "2026-02-27T08:00:00Z").by("org-a", "user-1"));
    test.given("Payment", "p-02", event(PROCESSED, "2026-03-02T10:15:00Z").by("org-a", "user-1"));
    test.given("Payment", "p-02", event(REFUNDED, "2026-03-02T10:20:00Z").by("org-a", "user-1"));
    test.given("Payment", "p-03", event(PROCESSED, "2026-03-02T10:40:00Z").by("org-a", "user-2"));
    test.given("Payment", "p-04", event(PROCESSED, "2026-03-02T10:59:59.999Z").by("org-b", "user-1"));
    test.given("Payment", "p-05", event(PROCESSED, "2026-03-02T11:00:00Z").by("org-a", "user-1"));
    test.given("Payment", "p-06", event(PROCESSED, "2026-03-03T23:30:00Z").by("org-b", "user-3"));
    test.given("Payment", "p-07", event(PROCESSED, "2026-03-08T12:00:00Z").by("org-c", "user-3"));
    test.given("Payment", "p-08", event(PROCESSED, "2026-04-01T09:00:00Z").by("org-a", "user-2"));
  }
}
