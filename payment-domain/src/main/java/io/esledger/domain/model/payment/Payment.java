package io.esledger.domain.model.payment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A payment: money moved for an organization on a user's behalf. The aggregate decides whether a
 * command is allowed, records the resulting events, applies them to its immutable state and hands
 * them over once with {@link #releaseEvents()}. Rehydration from history goes through the same
 * apply, so the state a command sees is exactly what its stored events say.
 */
public final class Payment {

  private PaymentState state;
  private int version;
  private final List<PaymentEvent> pending = new ArrayList<>();

  private Payment(PaymentState state) {
    this.state = state;
  }

  /** Rebuilds a payment from its stored events, oldest first. An empty history is a new payment. */
  public static Payment fromHistory(PaymentId paymentId, List<? extends PaymentEvent> history) {
    Payment payment = new Payment(PaymentState.initial(paymentId));
    history.forEach(payment::replay);
    return payment;
  }

  public void process(ProcessPayment command, Instant now) throws PaymentRejectedException {
    if (state.status() != PaymentStatus.NEW) {
      throw new PaymentAlreadyProcessedException(state.paymentId(), version);
    }
    if (!command.amount().isPositive()) {
      throw new AmountNotPositiveException(state.paymentId(), command.amount());
    }
    Money amount = command.amount();
    record(new PaymentProcessed(state.paymentId().value(), amount.amount(), amount.currencyCode(), now));
  }

  /** Events recorded since the last release, handed over exactly once. */
  public List<PaymentEvent> releaseEvents() {
    List<PaymentEvent> released = List.copyOf(pending);
    pending.clear();
    return released;
  }

  /** The version of the last stored event this payment was built from (0 for a new payment). */
  public int version() {
    return version;
  }

  public PaymentState state() {
    return state;
  }

  private void replay(PaymentEvent event) {
    state = state.apply(event);
    version++;
  }

  private void record(PaymentEvent event) {
    state = state.apply(event);
    pending.add(event);
  }
}
