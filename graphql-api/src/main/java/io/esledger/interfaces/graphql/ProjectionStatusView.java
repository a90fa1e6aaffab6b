package io.esledger.interfaces.graphql;

import io.esledger.analytics.projection.ParkedEvents;
import io.esledger.analytics.projection.RebuildProgress;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("ProjectionStatus")
@Description("A projection's health: events applied here, lag from decision to read model (ms), backlog (log "
    + "operations between its checkpoint and the log's head), its checkpoint (a log position), whether this app "
    + "instance runs it, parked events, last rebuild")
public record ProjectionStatusView(
    @NonNull String name, int appliedEvents, int backlog, int lastLagMillis, int maxLagMillis,
    double averageLagMillis, String checkpoint, boolean runsOnThisInstance, int parkedEvents,
    @NonNull List<@NonNull ParkedEventView> parked, @NonNull RebuildView rebuild) {

  @Type("ParkedEvent")
  @Description("An event the projection gave up on after its retries, with the reason; the projection went on")
  public record ParkedEventView(@NonNull String streamId, int version, @NonNull String eventId,
      @NonNull String position, @NonNull String reason, @NonNull Instant parkedAt) {

    static ParkedEventView of(ParkedEvents.Parked p) {
      return new ParkedEventView(p.streamId(), p.version(), p.eventId(), p.position(), p.reason(), p.parkedAt());
    }
  }

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
