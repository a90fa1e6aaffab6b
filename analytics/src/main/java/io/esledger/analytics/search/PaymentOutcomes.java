package io.esledger.analytics.search;

import java.util.List;

/**
 * How payments ended up in a range, from their events: payments with a capture (a
 * {@code PaymentCaptured} or {@code PaymentProcessed}), payments with a refund, the refund rate
 * (refunded ÷ captured payments, 0 when none were captured), failures and their reason codes (top
 * {@link QueryLimits#TOP_TERMS}), and disputes opened, won and lost. Payments are counted distinct
 * (exact up to 40,000 per figure, within about 1 % beyond).
 */
public record PaymentOutcomes(
    long capturedPayments,
    long refundedPayments,
    double refundRate,
    long failedPayments,
    List<TermBucket> failureReasons,
    long disputesOpened,
    long disputesWon,
    long disputesLost) {

  public PaymentOutcomes {
    failureReasons = List.copyOf(failureReasons);
  }
}
