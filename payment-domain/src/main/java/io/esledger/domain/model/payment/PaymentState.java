package io.esledger.domain.model.payment;

/**
 * Immutable state of a payment, folded from its events. Amounts are null until the payment has a
 * currency; {@code amount} is the authorized amount (for a payment processed in one step, the
 * amount processed); {@code invoiceId}, when set, is the invoice the payment pays. Net is what the
 * merchant keeps: captured − refunded − charged back. The status
 * is derived from the amounts and flags, never stored beside them.
 */
public record PaymentState(
    PaymentId paymentId,
    Money amount,
    Money captured,
    Money refunded,
    Money disputed,
    Money chargedBack,
    boolean captureClosed,
    boolean oneStep,
    boolean voided,
    String failureReason,
    String invoiceId) {

  static PaymentState initial(PaymentId paymentId) {
    return new PaymentState(paymentId, null, null, null, null, null, false, false, false, null, null);
  }

  /** What is authorized and neither captured nor released; null without a currency. */
  public Money capturable() {
    return amount == null || captureClosed ? zeroOrNull() : amount.minus(captured);
  }

  /** What was captured and is neither refunded, disputed nor charged back. */
  public Money refundable() {
    return captured == null ? null : captured.minus(refunded).minus(disputed).minus(chargedBack);
  }

  public Money net() {
    return captured == null ? null : captured.minus(refunded).minus(chargedBack);
  }

  private Money zeroOrNull() {
    return amount == null ? null : Money.zero(amount.currency());
  }

  PaymentState apply(PaymentEvent event) {
    if (event instanceof PaymentProcessed e) {
      return started(e.money(), e.invoiceId()).with(e.money(), null, null, null, true, false, null, true);
    } else if (event instanceof PaymentAuthorized e) {
      return started(e.money(), e.invoiceId());
    } else if (event instanceof PaymentCaptured e) {
      return with(captured.plus(e.money()), null, null, null, captureClosed, voided, failureReason, oneStep);
    } else if (event instanceof PaymentCaptureCompleted) {
      return with(null, null, null, null, true, voided, failureReason, oneStep);
    } else if (event instanceof PaymentRefunded e) {
      return with(null, refunded.plus(e.money()), null, null, captureClosed, voided, failureReason, oneStep);
    } else if (event instanceof PaymentVoided) {
      return with(null, null, null, null, true, true, failureReason, oneStep);
    } else if (event instanceof PaymentFailed e) {
      PaymentState attempted =
          amount == null && e.amount() != null ? started(Money.of(e.amount(), e.currency()), null) : this;
      return attempted.with(null, null, null, null, true, voided, e.reasonCode(), oneStep);
    } else if (event instanceof DisputeOpened e) {
      return with(null, null, disputed.plus(e.money()), null, captureClosed, voided, failureReason, oneStep);
    } else if (event instanceof DisputeWon e) {
      return with(null, null, disputed.minus(e.money()), null, captureClosed, voided, failureReason, oneStep);
    } else if (event instanceof DisputeLost e) {
      return with(null, null, disputed.minus(e.money()), chargedBack.plus(e.money()), captureClosed, voided,
          failureReason, oneStep);
    }
    throw new IllegalStateException("payment cannot apply unknown event " + event.getClass().getName());
  }

  /** The first amount: every other amount starts at zero in its currency. */
  private PaymentState started(Money authorized, String invoiceId) {
    Money zero = Money.zero(authorized.currency());
    return new PaymentState(paymentId, authorized, zero, zero, zero, zero, false, false, false, null, invoiceId);
  }

  /** A copy with the given amounts (null: unchanged) and flags. */
  private PaymentState with(Money captured, Money refunded, Money disputed, Money chargedBack, boolean captureClosed,
      boolean voided, String failureReason, boolean oneStep) {
    Money c = captured == null ? this.captured : captured;
    Money r = refunded == null ? this.refunded : refunded;
    Money d = disputed == null ? this.disputed : disputed;
    Money b = chargedBack == null ? this.chargedBack : chargedBack;
    return new PaymentState(paymentId, amount, c, r, d, b, captureClosed, oneStep, voided, failureReason, invoiceId);
  }

  /** Where the payment is in its life, from its amounts and flags (a won dispute restores what was before). */
  public PaymentStatus status() {
    if (failureReason != null) {
      return PaymentStatus.FAILED;
    } else if (voided) {
      return PaymentStatus.VOIDED;
    } else if (disputed != null && disputed.isPositive()) {
      return PaymentStatus.DISPUTED;
    } else if (chargedBack != null && chargedBack.isPositive()) {
      return PaymentStatus.CHARGED_BACK;
    } else if (refunded != null && refunded.isPositive()) {
      return refunded.sameAs(captured) ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED;
    } else if (captured != null && captured.isPositive()) {
      return oneStep ? PaymentStatus.PROCESSED
          : captureClosed ? PaymentStatus.CAPTURED : PaymentStatus.PARTIALLY_CAPTURED;
    }
    return captured == null ? PaymentStatus.NEW : PaymentStatus.AUTHORIZED;
  }
}
