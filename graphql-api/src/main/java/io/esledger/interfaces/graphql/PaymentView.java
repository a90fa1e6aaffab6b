package io.esledger.interfaces.graphql;

import io.esledger.application.PaymentQueries.ReplayedPayment;
import io.esledger.domain.model.payment.Money;
import java.math.BigDecimal;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("Payment")
@Description("A payment's state, replayed from its events")
public record PaymentView(
    @NonNull @Id String paymentId, @NonNull String status, BigDecimal amount, String currency, int version) {

  static PaymentView of(ReplayedPayment replayed) {
    Money amount = replayed.state().amount();
    return new PaymentView(replayed.state().paymentId().value(), replayed.state().status().name(),
        amount == null ? null : amount.amount(), amount == null ? null : amount.currencyCode(), replayed.version());
  }
}
