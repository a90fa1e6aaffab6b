package io.esledger.interfaces.graphql;

import io.esledger.application.invoice.InvoiceQueries.ReplayedInvoice;
import io.esledger.domain.model.invoice.InvoiceState;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("Invoice")
@Description("An invoice's state, replayed from its events.")
public record InvoiceView(
    @NonNull @Id String invoiceId,
    @NonNull @Description("ISSUED, PARTIALLY_PAID, PAID or OVERDUE (unpaid after its due date; never stored)")
        String status,
    @NonNull BigDecimal amount,
    @NonNull String currency,
    @NonNull @Description("The sum of the payments applied") BigDecimal paidAmount,
    @NonNull @Description("Amount − paid; below zero when overpaid (a credit)") BigDecimal balanceDue,
    @NonNull LocalDate dueDate,
    String description,
    @NonNull Instant issuedAt,
    Instant paidAt,
    @NonNull @Description("The payments applied, oldest first") List<@NonNull InvoicePaymentView> payments,
    int version) {

  static InvoiceView of(ReplayedInvoice replayed, Instant now) {
    InvoiceState s = replayed.state();
    return new InvoiceView(s.invoiceId().value(), s.status(now).name(), s.amount().amount(), s.amount().currencyCode(),
        s.paid().amount(), s.balanceDue().amount(), s.dueDate(), s.description(), s.issuedAt(), s.paidAt(),
        s.payments().stream().map(p -> new InvoicePaymentView(p.paymentId(), p.amount().amount(), p.appliedAt()))
            .toList(),
        replayed.version());
  }

  /** One payment's money applied to the invoice. */
  @Type("InvoicePayment")
  public record InvoicePaymentView(@NonNull @Id String paymentId, @NonNull BigDecimal amount,
      @NonNull Instant appliedAt) {}
}
