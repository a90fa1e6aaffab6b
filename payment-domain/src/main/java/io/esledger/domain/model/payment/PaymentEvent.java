package io.esledger.domain.model.payment;

/**
 * Everything that can happen to a payment. Stored events are never edited: a changed event gets a
 * new stored type name and an upcaster, so each event carries its stable stored name in {@link
 * #eventType()}, independent of the Java class name.
 */
public sealed interface PaymentEvent
    permits PaymentProcessed, PaymentAuthorized, PaymentCaptured, PaymentCaptureCompleted, PaymentRefunded,
        PaymentVoided, PaymentFailed, DisputeOpened, DisputeWon, DisputeLost {

  String AGGREGATE_TYPE = "Payment";

  /** The payment's identity as stored. */
  String paymentId();

  String eventType();
}
