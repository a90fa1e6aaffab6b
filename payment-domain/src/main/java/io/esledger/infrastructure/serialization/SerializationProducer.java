package io.esledger.infrastructure.serialization;

import io.esledger.application.eventstore.EventUpcaster;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The payment events' stored form, for CDI: the serializer the handlers and projections use, and
 * its upcasters, which the event store applies to every event it reads without knowing any type.
 */
@ApplicationScoped
public class SerializationProducer {

  @Produces
  @Singleton
  JsonbPaymentEventSerializer paymentEventSerializer() {
    return new JsonbPaymentEventSerializer();
  }

  @Produces
  @Singleton
  JsonbInvoiceEventSerializer invoiceEventSerializer() {
    return new JsonbInvoiceEventSerializer();
  }

  @Produces
  @Singleton
  EventUpcaster eventUpcaster(JsonbPaymentEventSerializer serializer) {
    return serializer.upcasters();
  }
}
