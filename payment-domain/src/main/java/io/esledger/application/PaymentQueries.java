package io.esledger.application;

import io.esledger.application.eventstore.EventStore;
import io.esledger.application.eventstore.RecordedEvent;
import io.esledger.domain.model.payment.Payment;
import io.esledger.domain.model.payment.PaymentId;
import io.esledger.domain.model.payment.PaymentState;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/** Reads one payment straight from its stream: always current, never a projection. */
@Singleton
public class PaymentQueries {

  private final EventStore store;
  private final PaymentEventSerializer serializer;

  @Inject
  public PaymentQueries(EventStore store, PaymentEventSerializer serializer) {
    this.store = store;
    this.serializer = serializer;
  }

  /**
   * An organization's payment's events. When its stream is empty, the payment's stream from before
   * organizations were part of stream names is read instead (the caller checks whose it is).
   */
  public List<RecordedEvent> history(String organizationId, PaymentId paymentId) {
    List<RecordedEvent> history = store.read(PaymentStreams.of(organizationId, paymentId), 1);
    return history.isEmpty() && organizationId != null ? store.read(PaymentStreams.legacy(paymentId), 1) : history;
  }

  /** The payment replayed from its events, with its version; empty when it has no events. */
  public Optional<ReplayedPayment> payment(String organizationId, PaymentId paymentId) {
    return replay(paymentId, history(organizationId, paymentId));
  }

  /** The payment these events (its history, as read) make; empty when there are none. */
  public Optional<ReplayedPayment> replay(PaymentId paymentId, List<RecordedEvent> history) {
    if (history.isEmpty()) {
      return Optional.empty();
    }
    Payment payment = Payment.fromHistory(paymentId,
        history.stream().map(serializer::deserialize).toList());
    return Optional.of(new ReplayedPayment(payment.state(), payment.version()));
  }

  public Optional<RecordedEvent> event(String eventId) {
    return store.findEvent(eventId);
  }

  /** A payment's state as of its last event. */
  public record ReplayedPayment(PaymentState state, int version) {}
}
