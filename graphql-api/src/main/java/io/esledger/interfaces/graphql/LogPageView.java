package io.esledger.interfaces.graphql;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("LogPage")
@Description("A page of the event log: events in log order, next (the position to read on from) and atHead "
    + "(nothing durable lay beyond next when read)")
public record LogPageView(@NonNull List<@NonNull LogEventView> events, @NonNull String next, boolean atHead) {}
