package io.esledger.interfaces.graphql;

import io.esledger.analytics.projection.RebuildProgress;
import java.time.Instant;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("ProjectionStatus")
@Description("A projection's health: events applied, lag from append to read model (ms), backlog, last rebuild")
public record ProjectionStatusView(
    @NonNull String name, int appliedEvents, int backlog, int lastLagMillis, int maxLagMillis,
    double averageLagMillis, @NonNull RebuildView rebuild) {

  @Type("ProjectionRebuild")
  @Description("Progress of a rebuild from the event store; etaSeconds is null when unknown")
  public record RebuildView(@NonNull String state, int processedEvents, int totalEvents, int payments,
      double eventsPerSecond, Integer etaSeconds, Instant startedAt, Instant finishedAt, String error) {

    static RebuildView of(RebuildProgress p) {
      return new RebuildView(p.state(), (int) p.processedEvents(), (int) p.totalEvents(), (int) p.streams(),
          p.eventsPerSecond(), p.etaSeconds() == null ? null : p.etaSeconds().intValue(), p.startedAt(),
          p.finishedAt(), p.error());
    }
  }
}
