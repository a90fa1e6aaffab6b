package io.esledger.interfaces.graphql;

import io.esledger.application.PaymentQueries.ReplayedPayment;
import io.esledger.domain.model.payment.Money;
import io.esledger.domain.model.payment.PaymentState;
import java.math.BigDecimal;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("Payment")
@Description("A payment's state, replayed from its events. Amounts are in its currency; null while it has none "
    + "(a payment that failed before any amount was known).")
public record PaymentView(
    @NonNull @Id String paymentId,
    @NonNull @Description("NEW, PROCESSED, AUTHORIZED, PARTIALLY_CAPTURED, CAPTURED, PARTIALLY_REFUNDED, REFUNDED, "
        + "VOIDED, FAILED, DISPUTED or CHARGED_BACK") String status,
    @Description("The authorized amount (for processPayment, the amount processed)") BigDecimal amount,
    String currency,
    BigDecimal capturedAmount,
    BigDecimal refundedAmount,
    @Description("Under an open dispute") BigDecimal disputedAmount,
    @Description("Lost in disputes") BigDecimal chargedBackAmount,
    @Description("Captured − refunded − charged back: what the merchant keeps") BigDecimal netAmount,
    @Description("What a capture may still take") BigDecimal capturableAmount,
    @Description("What a refund or a dispute may still cover") BigDecimal refundableAmount,
    @Description("The reason code of a FAILED payment") String failureReason,
    @Description("The invoice the payment pays (given when it was authorized or processed); null when none")
        String invoiceId,
    int version) {

  static PaymentView of(ReplayedPayment replayed) {
    PaymentState s = replayed.state();
    Money amount = s.amount();
    return new PaymentView(s.paymentId().value(), s.status().name(), decimal(amount),
        amount == null ? null : amount.currencyCode(), decimal(s.captured()), decimal(s.refunded()),
        decimal(s.disputed()), decimal(s.chargedBack()), decimal(s.net()), decimal(s.capturable()),
        decimal(s.refundable()), s.failureReason(), s.invoiceId(), replayed.version());
  }

  private static BigDecimal decimal(Money money) {
    return money == null ? null : money.amount();
  }
}
