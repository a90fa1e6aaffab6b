package io.esledger.infrastructure.cdi;

import io.esledger.application.PaymentEventSerializer;
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
  PaymentEventSerializer paymentEventSerializer() {
    return new JsonbPaymentEventSerializer();
  }
}
