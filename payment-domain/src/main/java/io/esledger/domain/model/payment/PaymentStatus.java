package io.esledger.domain.model.payment;

/** Where a payment is in its life. */
public enum PaymentStatus {
  /** Nothing has happened to this payment yet; its stream is empty. */
  NEW,
  /** The payment was processed. */
  PROCESSED
}
