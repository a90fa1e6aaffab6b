package io.esledger.interfaces.graphql;

import io.esledger.application.PaymentReceipt;
import io.esledger.interfaces.graphql.errors.ApiException;
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
        String consistencyToken,
    @Description("processPayments only: why this payment was refused (nothing was stored for it); null when processed")
        PaymentErrorView error) {

  static PaymentReceiptView of(PaymentReceipt receipt, String consistencyToken) {
    return new PaymentReceiptView(receipt.paymentId(), receipt.version(), receipt.eventIds(), receipt.correlationId(),
        consistencyToken, null);
  }

  static PaymentReceiptView refused(String paymentId, int version, String correlationId, String consistencyToken,
      ApiException error) {
    Object field = error.getExtensions().get("field");
    return new PaymentReceiptView(paymentId, version, List.of(), correlationId == null ? "" : correlationId,
        consistencyToken, new PaymentErrorView(error.code(), error.getMessage(), field == null ? null : field.toString()));
  }

  /** The same code and message a single processPayment would have answered with. */
  @Type("PaymentError")
  public record PaymentErrorView(@NonNull String code, @NonNull String message, String field) {}
}
