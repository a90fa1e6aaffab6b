package io.esledger.interfaces.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("LogEvent")
@Description("An event as the log delivers it. position: pass it as `after` to resume right after this event "
    + "(for an event inside a multi-event commit, the commit is delivered again whole)")
public record LogEventView(@NonNull String position, @NonNull StoredEventView event) {}
