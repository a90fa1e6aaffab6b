package io.esledger.interfaces.graphql;

import io.esledger.analytics.projection.PaymentSummary;
import java.math.BigDecimal;
import java.time.Instant;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("PaymentView")
@Description("A payment as the payments read model holds it")
public record PaymentSummaryView(
    @NonNull @Id String paymentId, @NonNull String status,
    @Description("The authorized amount (for processPayment, the amount processed)") BigDecimal amount,
    String currency,
    BigDecimal capturedAmount,
    BigDecimal refundedAmount,
    @Description("Captured − refunded − charged back: what the merchant keeps") BigDecimal netAmount,
    @Description("The reason code of a FAILED payment") String failureReason,
    @Id String organizationId, @Id String userId, int version, @NonNull Instant updatedAt) {

  static PaymentSummaryView of(PaymentSummary s) {
    return new PaymentSummaryView(s.paymentId(), s.status(), s.amount(), s.currency(), s.capturedAmount(),
        s.refundedAmount(), s.netAmount(), s.failureReason(), s.organizationId(), s.userId(), s.version(),
        s.updatedAt());
  }
}
