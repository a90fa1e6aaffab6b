package io.esledger.analytics.search;

import java.time.Instant;

/**
 * Which events a search is about; every field is optional (null). Ids and types must match
 * exactly; {@code text} is free text over event data and metadata (see {@link EventSearch#searchData});
 * {@code from} and {@code to} are inclusive.
 *
 * @throws QueryRefusedException (from the constructor) for blank or over-long values, or {@code from} after {@code to}
 */
public record EventFilter(
    String aggregateType,
    String eventType,
    String text,
    Instant from,
    Instant to,
    String organizationId,
    String userId) {

  public EventFilter {
    Inputs.optionalId("filter.aggregateType", aggregateType);
    Inputs.optionalId("filter.eventType", eventType);
    Inputs.optionalText("filter.text", text);
    TimeRange.optional("filter.from", from, "filter.to", to);
    Inputs.optionalId("filter.organizationId", organizationId);
    Inputs.optionalId("filter.userId", userId);
  }

  /** Every event. */
  public static EventFilter none() {
    return new EventFilter(null, null, null, null, null, null, null);
  }

  /** This filter narrowed to one aggregate type (e.g. {@code Payment} for payment event search). */
  public EventFilter withAggregateType(String type) {
    return new EventFilter(type, eventType, text, from, to, organizationId, userId);
  }

  TimeRange range() {
    return new TimeRange(from, to);
  }
}
