package io.esledger.domain.model.payment;

/**
 * Everything that can happen to a payment. Stored events are never edited: an event whose shape
 * changes gets a new schema version and an upcaster that brings older documents to the new shape
 * on read. Each event carries its stable stored name in {@link #eventType()}, independent of the
 * Java class name.
 */
public sealed interface PaymentEvent
    permits PaymentProcessed, PaymentAuthorized, PaymentCaptured, PaymentCaptureCompleted, PaymentRefunded,
        PaymentVoided, PaymentFailed, DisputeOpened, DisputeWon, DisputeLost {

  String AGGREGATE_TYPE = "Payment";

  /** The payment's identity as stored. */
  String paymentId();

  String eventType();

  /** When it happened (when the command that recorded it was decided). */
  java.time.Instant occurredAt();
}
