package io.esledger.domain.model.payment;

/** Where a payment is in its life; derived from its amounts, so a won dispute restores the status before it. */
public enum PaymentStatus {
  /** Nothing has happened to this payment yet; its stream is empty. */
  NEW,
  /** Authorized and captured in one step ({@code processPayment}); nothing refunded or disputed since. */
  PROCESSED,
  /** An amount is authorized; nothing captured yet. */
  AUTHORIZED,
  /** Part of the authorized amount is captured; more may be. */
  PARTIALLY_CAPTURED,
  /** Capturing is over (all authorized captured, or a last capture released the rest). */
  CAPTURED,
  /** Part of what was captured was refunded. */
  PARTIALLY_REFUNDED,
  /** Everything captured was refunded. */
  REFUNDED,
  /** The authorization was cancelled before any capture. */
  VOIDED,
  /** The payment failed, with a reason code. */
  FAILED,
  /** A dispute (chargeback) is open. */
  DISPUTED,
  /** A dispute was lost: the disputed amount was charged back. */
  CHARGED_BACK
}
