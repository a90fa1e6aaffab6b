package io.esledger.domain.model.payment;

import java.time.Instant;

/** The authorization was cancelled before anything was captured. */
public record PaymentVoided(String paymentId, Instant occurredAt)
    implements PaymentEvent {

  public static final String TYPE = "PaymentVoided";

  @Override
  public String eventType() {
    return TYPE;
  }
}
