package io.esledger.infrastructure.cdi;

import io.esledger.application.eventstore.EventUpcaster;
import io.esledger.infrastructure.serialization.JsonbPaymentEventSerializer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Time and serialization, injected so that nothing in the application calls {@code now()} itself. */
@ApplicationScoped
public class InfrastructureProducer {

  @Produces
  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }

  @Produces
  @Singleton
  JsonbPaymentEventSerializer paymentEventSerializer() {
    return new JsonbPaymentEventSerializer();
  }

  /** What the store applies to every event it reads: the payment events' upcasters. */
  @Produces
  @Singleton
  EventUpcaster eventUpcaster(JsonbPaymentEventSerializer serializer) {
    return serializer.upcasters();
  }
}
