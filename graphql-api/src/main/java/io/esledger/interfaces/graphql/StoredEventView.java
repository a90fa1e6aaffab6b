package io.esledger.interfaces.graphql;

import io.esledger.application.PaymentStreams;
import io.esledger.application.eventstore.RecordedEvent;
import java.time.Instant;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("StoredEvent")
@Description("One stored event; data is the event's JSON object as text, in its type's current shape (schemaVersion): "
    + "events stored in an older shape are upcast as they are read")
public record StoredEventView(
    @NonNull @Id String eventId,
    @NonNull @Id String aggregateId,
    @NonNull String aggregateType,
    @NonNull String eventType,
    @Description("The shape of data for this eventType") int schemaVersion,
    int version,
    @NonNull Instant timestamp,
    @Id String correlationId,
    @Id String causationId,
    @NonNull EventMetadataView metadata,
    @NonNull String data) {

  static StoredEventView of(RecordedEvent e) {
    // the aggregate's own id: streams are named <organization>/<id>, and the organization is in the metadata
    return new StoredEventView(e.eventId(), PaymentStreams.localId(e.stream().aggregateId()), e.stream().aggregateType(),
        e.eventType(), e.schemaVersion(),
        e.version(), e.timestamp(), e.metadata().correlationId(), e.metadata().causationId(),
        new EventMetadataView(e.metadata().organizationId(), e.metadata().userId(), e.metadata().commandId()),
        e.data());
  }
}
