package io.esledger.interfaces.graphql;

import io.esledger.analytics.projection.PaymentPage;
import java.util.List;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("PaymentPage")
public record PaymentPageView(int total, @NonNull List<@NonNull PaymentSummaryView> items) {

  static PaymentPageView of(PaymentPage page) {
    return new PaymentPageView((int) page.total(), page.items().stream().map(PaymentSummaryView::of).toList());
  }
}
