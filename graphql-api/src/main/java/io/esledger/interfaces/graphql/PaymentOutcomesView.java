package io.esledger.interfaces.graphql;

import io.esledger.analytics.search.PaymentOutcomes;
import io.esledger.interfaces.graphql.Buckets.TermBucketView;
import java.math.BigDecimal;
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
    int disputesLost,
    @NonNull @Description("Money captured and refunded per currency, exact") List<@NonNull CurrencyVolumeView> volumes) {

  static PaymentOutcomesView of(PaymentOutcomes o) {
    return new PaymentOutcomesView((int) o.capturedPayments(), (int) o.refundedPayments(), o.refundRate(),
        (int) o.failedPayments(), Buckets.terms(o.failureReasons()), (int) o.disputesOpened(), (int) o.disputesWon(),
        (int) o.disputesLost(), o.volumes().stream().map(CurrencyVolumeView::of).toList());
  }

  @Type("CurrencyVolume")
  @Description("Money captured (captures and one-step payments) and refunded in one currency over the range")
  public record CurrencyVolumeView(
      @NonNull String currency,
      @NonNull BigDecimal captured,
      @NonNull BigDecimal refunded,
      @Description("refunded / captured in money (0 when nothing was captured)") double refundRate,
      @Description("false when the range held more distinct amounts than one answer sums (20,000); the sums are then "
          + "partial") boolean complete) {

    static CurrencyVolumeView of(PaymentOutcomes.CurrencyVolume v) {
      double rate = v.captured().signum() == 0 ? 0
          : v.refunded().divide(v.captured(), 6, java.math.RoundingMode.HALF_EVEN).doubleValue();
      return new CurrencyVolumeView(v.currency(), v.captured(), v.refunded(), rate, v.complete());
    }
  }
}
