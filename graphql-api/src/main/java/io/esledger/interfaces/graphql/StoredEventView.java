package io.esledger.interfaces.graphql;

import io.esledger.application.PaymentStreams;
import io.esledger.application.eventstore.RecordedEvent;
import java.time.Instant;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("StoredEvent")
@Description("One stored event; data is the event's JSON object as text")
public record StoredEventView(
    @NonNull @Id String eventId,
    @NonNull @Id String aggregateId,
    @NonNull String aggregateType,
    @NonNull String eventType,
    int version,
    @NonNull Instant timestamp,
    @Id String correlationId,
    @Id String causationId,
    @NonNull EventMetadataView metadata,
    @NonNull String data) {

  static StoredEventView of(RecordedEvent e) {
    // the aggregate's own id: streams are named <organization>/<id>, and the organization is in the metadata
    return new StoredEventView(e.eventId(), PaymentStreams.localId(e.stream().aggregateId()), e.stream().aggregateType(),
        e.eventType(),
        e.version(), e.timestamp(), e.metadata().correlationId(), e.metadata().causationId(),
        new EventMetadataView(e.metadata().organizationId(), e.metadata().userId(), e.metadata().commandId()),
        e.data());
  }
}
