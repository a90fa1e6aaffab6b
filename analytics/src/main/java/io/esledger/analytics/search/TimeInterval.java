package io.esledger.analytics.search;

import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/** Bucket width of a trend. Calendar units in the requested zone: a DAY starts at local midnight, a WEEK on Monday. */
public enum TimeInterval {
  HOUR(CalendarInterval.Hour, ChronoUnit.HOURS),
  DAY(CalendarInterval.Day, ChronoUnit.DAYS),
  WEEK(CalendarInterval.Week, ChronoUnit.WEEKS),
  MONTH(CalendarInterval.Month, ChronoUnit.MONTHS);

  private final CalendarInterval calendarInterval;
  private final ChronoUnit unit;

  TimeInterval(CalendarInterval calendarInterval, ChronoUnit unit) {
    this.calendarInterval = calendarInterval;
    this.unit = unit;
  }

  CalendarInterval calendarInterval() {
    return calendarInterval;
  }

  /** How many buckets a date histogram over {@code [from, to]} has, counted before asking for it. */
  long buckets(Instant from, Instant to, ZoneId zone) {
    return unit.between(start(from, zone), start(to, zone)) + 1;
  }

  /** The start of the bucket holding {@code instant}. */
  ZonedDateTime start(Instant instant, ZoneId zone) {
    ZonedDateTime local = instant.atZone(zone);
    return switch (this) {
      case HOUR -> local.truncatedTo(ChronoUnit.HOURS);
      case DAY -> local.truncatedTo(ChronoUnit.DAYS);
      case WEEK -> local.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH -> local.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
    };
  }
}
