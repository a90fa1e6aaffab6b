package io.esledger.domain.model.payment;

/** Immutable state of a payment, folded from its events. */
public record PaymentState(PaymentId paymentId, PaymentStatus status, Money amount) {

  static PaymentState initial(PaymentId paymentId) {
    return new PaymentState(paymentId, PaymentStatus.NEW, null);
  }

  PaymentState apply(PaymentEvent event) {
    if (event instanceof PaymentProcessed processed) {
      return new PaymentState(paymentId, PaymentStatus.PROCESSED, processed.money());
    }
    throw new IllegalStateException("payment cannot apply unknown event " + event.getClass().getName());
  }
}
