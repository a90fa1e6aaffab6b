package io.esledger.analytics.search;

import java.math.BigDecimal;
import java.util.List;

/**
 * How payments ended up in a range, from their events: payments with a capture (a
 * {@code PaymentCaptured} or {@code PaymentProcessed}), payments with a refund, the refund rate
 * (refunded ÷ captured payments, 0 when none were captured), failures and their reason codes (top
 * {@link QueryLimits#TOP_TERMS}), and disputes opened, won and lost. Payments are counted distinct
 * (exact up to 40,000 per figure, within about 1 % beyond). Volumes: per currency, what was captured
 * (captures and one-step payments) and refunded, in money.
 */
public record PaymentOutcomes(
    long capturedPayments,
    long refundedPayments,
    double refundRate,
    long failedPayments,
    List<TermBucket> failureReasons,
    long disputesOpened,
    long disputesWon,
    long disputesLost,
    List<CurrencyVolume> volumes) {

  public PaymentOutcomes {
    failureReasons = List.copyOf(failureReasons);
    volumes = List.copyOf(volumes);
  }

  /**
   * Money captured and refunded in one currency over the range, exact (summed as decimals);
   * {@code complete} is false when more distinct amounts were seen than are summed in one answer.
   */
  public record CurrencyVolume(String currency, BigDecimal captured, BigDecimal refunded, boolean complete) {}
}
