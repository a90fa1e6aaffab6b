package io.esledger.application;

import io.esledger.domain.model.payment.PaymentEvent;

/** Turns payment events into their stored JSON and back; implemented with JSON-B in infrastructure. */
public interface PaymentEventSerializer {

  String serialize(PaymentEvent event);

  PaymentEvent deserialize(String eventType, String json);
}
