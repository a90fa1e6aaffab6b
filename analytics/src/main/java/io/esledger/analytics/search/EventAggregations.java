package io.esledger.analytics.search;

import static io.esledger.infrastructure.eventstore.view.EventFields.TIMESTAMP;

import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.FieldDateMath;
import co.elastic.clients.util.NamedValue;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** Aggregation fragments, shaped like their JSON, and their buckets read back. */
final class EventAggregations {

  private EventAggregations() {}

  /**
   * Every bucket of the range, empty ones included:
   * <pre>{"date_histogram": {"field": "timestamp", "calendar_interval": interval, "time_zone": zone,
   *   "min_doc_count": 0, "extended_bounds": {"min": from, "max": to}}}</pre>
   */
  static Aggregation histogram(TimeInterval interval, TimeRange range, ZoneId zone) {
    return Aggregation.of(a -> a
        .dateHistogram(h -> h
            .field(TIMESTAMP)
            .calendarInterval(interval.calendarInterval())
            .timeZone(zone.getId())
            .minDocCount(0)
            .extendedBounds(b -> b
                .min(epochMillis(range.from()))
                .max(epochMillis(range.to())))));
  }

  /** {@code {"terms": {"field": field, "size": 10, "order": [{"_count": "desc"}, {"_key": "asc"}]}}} */
  static Aggregation top(String field) {
    return Aggregation.of(a -> a
        .terms(t -> t
            .field(field)
            .size(QueryLimits.TOP_TERMS)
            .order(List.of(
                NamedValue.of("_count", SortOrder.Desc),
                NamedValue.of("_key", SortOrder.Asc)))));
  }

  static List<DateBucket> dateBuckets(Map<String, Aggregate> aggregations, String name) {
    return aggregations.get(name).dateHistogram().buckets().array().stream()
        .map(b -> new DateBucket(Instant.ofEpochMilli(b.key()), b.docCount()))
        .toList();
  }

  static List<TermBucket> termBuckets(Map<String, Aggregate> aggregations, String name) {
    return aggregations.get(name).sterms().buckets().array().stream()
        .map(b -> new TermBucket(b.key().stringValue(), b.docCount()))
        .toList();
  }

  private static FieldDateMath epochMillis(Instant instant) {
    return FieldDateMath.of(m -> m.value((double) instant.toEpochMilli()));
  }
}
