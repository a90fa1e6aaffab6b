package io.esledger.analytics.projection;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One payment as the {@code payments} read model holds it. {@code amount} is the authorized amount;
 * net is captured − refunded − charged back. Amounts are null while the payment has no currency.
 */
public record PaymentSummary(
    String paymentId,
    String status,
    BigDecimal amount,
    String currency,
    BigDecimal capturedAmount,
    BigDecimal refundedAmount,
    BigDecimal netAmount,
    String failureReason,
    String organizationId,
    String userId,
    int version,
    Instant updatedAt) {

  /**
   * The row's document id: payment ids are chosen by clients and unique only within their
   * organization, so the row is keyed by both (as the stream is).
   */
  public String rowId() {
    return organizationId + "/" + paymentId;
  }
}
