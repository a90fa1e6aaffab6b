package io.esledger.interfaces.graphql;

import io.esledger.interfaces.graphql.errors.ValidationFailedException;
import io.esledger.application.eventstore.LogFilter;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("LogFilter")
@Description("Which events of the log to deliver: any of these aggregate types and any of these event types "
    + "(missing or empty: all)")
public record LogFilterInput(List<String> aggregateTypes, List<String> eventTypes) {

  static LogFilter toFilter(LogFilterInput input) throws ValidationFailedException {
    if (input == null) {
      return LogFilter.all();
    }
    if (input.aggregateTypes != null && input.aggregateTypes.contains(null)) {
      throw new ValidationFailedException("filter.aggregateTypes", "must not contain null");
    }
    if (input.eventTypes != null && input.eventTypes.contains(null)) {
      throw new ValidationFailedException("filter.eventTypes", "must not contain null");
    }
    return new LogFilter(input.aggregateTypes == null ? Set.of() : Set.copyOf(input.aggregateTypes),
        input.eventTypes == null ? Set.of() : Set.copyOf(input.eventTypes));
  }
}
