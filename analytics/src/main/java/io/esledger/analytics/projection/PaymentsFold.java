package io.esledger.analytics.projection;

import io.esledger.application.PaymentEventSerializer;
import io.esledger.application.PaymentStreams;
import io.esledger.application.eventstore.RecordedEvent;
import io.esledger.domain.model.payment.Money;
import io.esledger.domain.model.payment.Payment;
import io.esledger.domain.model.payment.PaymentId;
import io.esledger.domain.model.payment.PaymentState;
import java.util.List;

/**
 * A payment's whole stream, oldest first, folded into its read-model row (through the aggregate's
 * own apply). The payment belongs to the organization and user of its first event.
 */
final class PaymentsFold {

  private final PaymentEventSerializer serializer;

  PaymentsFold(PaymentEventSerializer serializer) {
    this.serializer = serializer;
  }

  PaymentSummary fold(List<RecordedEvent> stream) {
    RecordedEvent first = stream.get(0);
    RecordedEvent last = stream.get(stream.size() - 1);
    PaymentId id = new PaymentId(PaymentStreams.localId(first.stream().aggregateId()));
    PaymentState state = Payment.fromHistory(id,
        stream.stream().map(serializer::deserialize).toList()).state();
    Money amount = state.amount();
    return new PaymentSummary(id.value(), state.status().name(), decimal(amount),
        amount == null ? null : amount.currencyCode(), decimal(state.captured()), decimal(state.refunded()),
        decimal(state.net()), state.failureReason(), first.metadata().organizationId(), first.metadata().userId(),
        last.version(), last.timestamp());
  }

  private static java.math.BigDecimal decimal(Money money) {
    return money == null ? null : money.amount();
  }
}
