package io.esledger.application;

import io.esledger.application.eventstore.StreamId;
import io.esledger.domain.model.payment.PaymentEvent;
import io.esledger.domain.model.payment.PaymentId;

/** Where a payment's events live. */
public final class PaymentStreams {

  private PaymentStreams() {}

  public static StreamId of(PaymentId paymentId) {
    return new StreamId(PaymentEvent.AGGREGATE_TYPE, paymentId.value());
  }
}
