package io.esledger.domain.model.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.esledger.domain.model.payment.Money;
import io.esledger.domain.model.payment.PaymentId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The invoice's rules, given its history, when a command comes, then these events or this refusal. */
class InvoiceTest {

  private static final InvoiceId ID = new InvoiceId("inv-1");
  private static final Instant T = Instant.parse("2026-12-02T09:00:00Z");
  private static final LocalDate DUE = LocalDate.parse("2026-12-31");

  private static InvoiceIssued issued(String amount, String currency) {
    return new InvoiceIssued("inv-1", new BigDecimal(amount), currency, DUE, "December", T);
  }

  private static InvoicePaymentApplied applied(String paymentId, String amount) {
    return new InvoicePaymentApplied("inv-1", paymentId, new BigDecimal(amount), "EUR", T);
  }

  private static ApplyInvoicePayment apply(String paymentId, String amount, String currency) {
    return new ApplyInvoicePayment(ID, new PaymentId(paymentId), Money.of(new BigDecimal(amount), currency));
  }

  private static Invoice given(InvoiceEvent... history) {
    return Invoice.fromHistory(ID, Arrays.asList(history));
  }

  private static List<InvoiceEvent> when(Invoice invoice, InvoiceCommand command) throws InvoiceRejectedException {
    invoice.handle(command, T);
    return invoice.releaseEvents();
  }

  private static InvoiceRejectedException.Reason refused(Invoice invoice, InvoiceCommand command) {
    InvoiceRejectedException refusal = catchThrowableOfType(() -> invoice.handle(command, T),
        InvoiceRejectedException.class);
    assertThat(refusal).as("a refusal").isNotNull();
    assertThat(invoice.releaseEvents()).as("nothing recorded").isEmpty();
    return refusal.reason();
  }

  @Test
  void a_new_invoice_is_issued() throws Exception {
    Invoice invoice = given();
    assertThat(when(invoice, new IssueInvoice(ID, Money.of(new BigDecimal("120"), "EUR"), DUE, "December",
        OptionalInt.empty()))).containsExactly(new InvoiceIssued("inv-1", new BigDecimal("120.00"), "EUR", DUE,
            "December", T));
    assertThat(invoice.state().status(T)).isEqualTo(InvoiceStatus.ISSUED);
    assertThat(invoice.state().balanceDue()).isEqualTo(Money.of(new BigDecimal("120.00"), "EUR"));
  }

  @Test
  void an_invoice_is_issued_once() {
    assertThat(refused(given(issued("10.00", "EUR")), new IssueInvoice(ID, Money.of(BigDecimal.ONE, "EUR"), DUE,
        null, OptionalInt.empty()))).isEqualTo(InvoiceRejectedException.Reason.ALREADY_ISSUED);
  }

  @Test
  void an_invoice_is_for_a_positive_amount() {
    assertThat(refused(given(), new IssueInvoice(ID, Money.of(BigDecimal.ZERO, "EUR"), DUE, null,
        OptionalInt.empty()))).isEqualTo(InvoiceRejectedException.Reason.AMOUNT_NOT_POSITIVE);
  }

  @Test
  void a_payment_short_of_the_amount_leaves_it_partially_paid() throws Exception {
    Invoice invoice = given(issued("100.00", "EUR"));
    assertThat(when(invoice, apply("p-1", "40.00", "EUR"))).containsExactly(applied("p-1", "40.00"));
    assertThat(invoice.state().status(T)).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
    assertThat(invoice.state().balanceDue().amount()).isEqualByComparingTo("60");
  }

  @Test
  void the_payment_that_reaches_the_amount_also_marks_it_paid_in_the_same_commit() throws Exception {
    Invoice invoice = given(issued("100.00", "EUR"), applied("p-1", "40.00"));
    assertThat(when(invoice, apply("p-2", "60.00", "EUR"))).containsExactly(applied("p-2", "60.00"),
        new InvoicePaid("inv-1", new BigDecimal("100.00"), "EUR", T));
    assertThat(invoice.state().status(T)).isEqualTo(InvoiceStatus.PAID);
    assertThat(invoice.state().payments()).extracting(InvoiceState.AppliedPayment::paymentId)
        .containsExactly("p-1", "p-2");
  }

  @Test
  void money_applied_after_it_is_paid_is_kept_as_a_credit() throws Exception {
    Invoice invoice = given(issued("10.00", "EUR"), applied("p-1", "10.00"),
        new InvoicePaid("inv-1", new BigDecimal("10.00"), "EUR", T));
    assertThat(when(invoice, apply("p-2", "5.00", "EUR"))).containsExactly(applied("p-2", "5.00"));
    assertThat(invoice.state().status(T)).isEqualTo(InvoiceStatus.PAID);
    assertThat(invoice.state().balanceDue().amount()).isEqualByComparingTo("-5");
  }

  @Test
  void a_payment_in_another_currency_is_refused() {
    assertThat(refused(given(issued("10.00", "EUR")), apply("p-1", "10.00", "USD")))
        .isEqualTo(InvoiceRejectedException.Reason.CURRENCY_MISMATCH);
  }

  @Test
  void a_payment_for_an_invoice_never_issued_is_refused() {
    assertThat(refused(given(), apply("p-1", "10.00", "EUR"))).isEqualTo(InvoiceRejectedException.Reason.NOT_FOUND);
  }

  @Test
  void unpaid_after_the_end_of_its_due_date_it_is_overdue_and_paid_it_never_is() throws Exception {
    Invoice invoice = given(issued("100.00", "EUR"), applied("p-1", "1.00"));
    Instant lastMoment = Instant.parse("2026-12-31T23:59:59.999Z");
    assertThat(invoice.state().status(lastMoment)).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
    assertThat(invoice.state().status(Instant.parse("2027-01-01T00:00:00Z"))).isEqualTo(InvoiceStatus.OVERDUE);
    when(invoice, apply("p-2", "99.00", "EUR"));
    assertThat(invoice.state().status(Instant.parse("2027-06-01T00:00:00Z"))).isEqualTo(InvoiceStatus.PAID);
  }
}
