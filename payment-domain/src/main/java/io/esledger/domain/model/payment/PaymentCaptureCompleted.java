package io.esledger.domain.model.payment;

import java.math.BigDecimal;
import java.time.Instant;

/** No more can be captured: the authorized amount is fully captured, or a capture was the final one and released the rest. Recorded in the same commit as that capture. */
public record PaymentCaptureCompleted(String paymentId, BigDecimal capturedAmount, String currency, Instant occurredAt)
    implements PaymentEvent {

  public static final String TYPE = "PaymentCaptureCompleted";

  @Override
  public String eventType() {
    return TYPE;
  }

  public Money captured() {
    return Money.of(capturedAmount, currency);
  }
}
