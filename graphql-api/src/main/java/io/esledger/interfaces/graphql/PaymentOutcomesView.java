package io.esledger.interfaces.graphql;

import io.esledger.analytics.search.PaymentOutcomes;
import io.esledger.interfaces.graphql.Buckets.TermBucketView;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("PaymentOutcomes")
@Description("How payments ended up in a range, counted from their events")
public record PaymentOutcomesView(
    @Description("Payments with a capture (PaymentCaptured or PaymentProcessed) in the range") int capturedPayments,
    @Description("Payments with a refund in the range") int refundedPayments,
    @Description("refundedPayments / capturedPayments (0 when none were captured)") double refundRate,
    @Description("PaymentFailed events in the range") int failedPayments,
    @NonNull @Description("Failures per reason code, the 10 most frequent") List<@NonNull TermBucketView> failureReasons,
    int disputesOpened,
    int disputesWon,
    int disputesLost) {

  static PaymentOutcomesView of(PaymentOutcomes o) {
    return new PaymentOutcomesView((int) o.capturedPayments(), (int) o.refundedPayments(), o.refundRate(),
        (int) o.failedPayments(), Buckets.terms(o.failureReasons()), (int) o.disputesOpened(), (int) o.disputesWon(),
        (int) o.disputesLost());
  }
}
