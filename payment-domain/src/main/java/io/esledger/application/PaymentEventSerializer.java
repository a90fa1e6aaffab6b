package io.esledger.application;

import io.esledger.application.eventstore.RecordedEvent;
import io.esledger.domain.model.payment.PaymentEvent;

/**
 * Turns payment events into their stored JSON and back; implemented with JSON-B in infrastructure.
 * Events are written in their type's current shape and schema version; a stored event of an older
 * version is upcast before it is read.
 */
public interface PaymentEventSerializer {

  String serialize(PaymentEvent event);

  /** The schema version {@link #serialize} writes events of this type in. */
  int schemaVersion(String eventType);

  PaymentEvent deserialize(RecordedEvent event);
}
