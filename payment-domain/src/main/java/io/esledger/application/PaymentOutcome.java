package io.esledger.application;

/**
 * What became of one payment of a batch: its receipt, or why it was refused ({@code failure}: a
 * {@link io.esledger.domain.model.payment.PaymentRejectedException}, a concurrency conflict or an
 * outage). {@code version} is the payment's version after the call either way.
 */
public record PaymentOutcome(String paymentId, PaymentReceipt receipt, Exception failure, int version) {

  static PaymentOutcome processed(PaymentReceipt receipt) {
    return new PaymentOutcome(receipt.paymentId(), receipt, null, receipt.version());
  }

  static PaymentOutcome refused(String paymentId, Exception failure, int version) {
    return new PaymentOutcome(paymentId, null, failure, version);
  }
}
