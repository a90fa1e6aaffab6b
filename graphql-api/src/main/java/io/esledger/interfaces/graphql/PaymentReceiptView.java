package io.esledger.interfaces.graphql;

import io.esledger.application.PaymentReceipt;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("PaymentReceipt")
public record PaymentReceiptView(
    @NonNull @Id String paymentId,
    int version,
    @NonNull @Id List<@NonNull String> eventIds,
    @NonNull @Id String correlationId,
    @NonNull @Description("Pass to a query's consistentWith to see this write in search and read models")
        String consistencyToken) {

  static PaymentReceiptView of(PaymentReceipt receipt, String consistencyToken) {
    return new PaymentReceiptView(receipt.paymentId(), receipt.version(), receipt.eventIds(), receipt.correlationId(),
        consistencyToken);
  }
}
