package io.esledger.interfaces.graphql;

import io.esledger.application.invoice.InvoiceReceipt;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("InvoiceReceipt")
public record InvoiceReceiptView(
    @NonNull @Id String invoiceId,
    int version,
    @NonNull @Id List<@NonNull String> eventIds,
    @NonNull @Id String correlationId,
    @NonNull @Description("Pass to a query's consistentWith to see this write in search and read models")
        String consistencyToken) {

  static InvoiceReceiptView of(InvoiceReceipt receipt, String consistencyToken) {
    return new InvoiceReceiptView(receipt.invoiceId(), receipt.version(), receipt.eventIds(), receipt.correlationId(),
        consistencyToken);
  }
}
