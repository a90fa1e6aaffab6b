package io.esledger.application;

import io.esledger.application.eventstore.StreamId;
import io.esledger.domain.model.payment.PaymentEvent;
import io.esledger.domain.model.payment.PaymentId;

/**
 * Where a payment's events live: {@code Payment:<organization>/<paymentId>}, so payment ids are
 * an organization's own (two organizations may both have {@code payment-123}). Payment ids cannot
 * contain {@code /}, so the id after the last {@code /} is always the payment's. Payments stored
 * before organizations were part of the name live in {@code Payment:<paymentId>} ({@link #legacy}).
 */
public final class PaymentStreams {

  private PaymentStreams() {}

  /** The stream of an organization's payment; without an organization (null), the legacy name. */
  public static StreamId of(String organizationId, PaymentId paymentId) {
    return organizationId == null ? legacy(paymentId)
        : new StreamId(PaymentEvent.AGGREGATE_TYPE, organizationId + "/" + paymentId.value());
  }

  /** The name a payment's stream had before it included the organization. */
  public static StreamId legacy(PaymentId paymentId) {
    return new StreamId(PaymentEvent.AGGREGATE_TYPE, paymentId.value());
  }

  /** The payment id (or any aggregate's own id) in a stream's aggregate id: what follows the organization. */
  public static String localId(String aggregateId) {
    return aggregateId.substring(aggregateId.lastIndexOf('/') + 1);
  }
}
