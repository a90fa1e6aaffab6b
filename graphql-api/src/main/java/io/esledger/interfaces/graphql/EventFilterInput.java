package io.esledger.interfaces.graphql;

import io.esledger.analytics.search.EventFilter;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

@Input("EventFilter")
@Description("All optional. from/to are inclusive ISO-8601 instants with an offset; text is free text over "
    + "event data and metadata (never query syntax)")
public record EventFilterInput(
    String aggregateType, String eventType, String text, OffsetDateTime from, OffsetDateTime to,
    @Id String organizationId, @Id String userId) {

  static EventFilter toFilter(EventFilterInput input) {
    if (input == null) {
      return EventFilter.none();
    }
    return new EventFilter(input.aggregateType, input.eventType, input.text, Dates.instant(input.from),
        Dates.instant(input.to), input.organizationId, input.userId);
  }
}
