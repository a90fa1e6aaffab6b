package io.esledger.domain.model.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class PaymentTest {

  private static final PaymentId ID = new PaymentId("payment-123");
  private static final Instant NOW = Instant.parse("2026-11-26T10:15:30Z");

  private List<PaymentEvent> given(PaymentEvent... history) throws PaymentRejectedException {
    Payment payment = Payment.fromHistory(ID, List.of(history));
    payment.process(new ProcessPayment(ID, Money.of(new BigDecimal("100"), "EUR"), OptionalInt.empty()), NOW);
    return payment.releaseEvents();
  }

  @Test
  void a_new_payment_is_processed_with_its_amount_at_the_currency_scale() throws Exception {
    assertThat(given())
        .containsExactly(new PaymentProcessed("payment-123", new BigDecimal("100.00"), "EUR", NOW, null));
  }

  @Test
  void a_processed_payment_refuses_to_be_processed_again() {
    PaymentProcessed earlier = new PaymentProcessed("payment-123", new BigDecimal("5.00"), "EUR", NOW, null);
    assertThatThrownBy(() -> given(earlier))
        .isInstanceOf(PaymentAlreadyProcessedException.class)
        .hasMessageContaining("payment-123")
        .hasMessageContaining("version 1");
  }

  @Test
  void a_zero_amount_is_refused() {
    Payment payment = Payment.fromHistory(ID, List.of());
    ProcessPayment zero = new ProcessPayment(ID, Money.of(BigDecimal.ZERO, "EUR"), OptionalInt.empty());
    assertThatThrownBy(() -> payment.process(zero, NOW)).isInstanceOf(AmountNotPositiveException.class);
    assertThat(payment.releaseEvents()).isEmpty();
  }

  @Test
  void released_events_are_handed_over_once() throws Exception {
    Payment payment = Payment.fromHistory(ID, List.of());
    payment.process(new ProcessPayment(ID, Money.of(BigDecimal.TEN, "USD"), OptionalInt.empty()), NOW);
    assertThat(payment.releaseEvents()).hasSize(1);
    assertThat(payment.releaseEvents()).isEmpty();
  }

  @Test
  void rehydration_counts_the_version_and_rebuilds_the_state() {
    Payment payment = Payment.fromHistory(
        ID, List.of(new PaymentProcessed("payment-123", new BigDecimal("7.50"), "GBP", NOW, null)));
    assertThat(payment.version()).isEqualTo(1);
    assertThat(payment.state().status()).isEqualTo(PaymentStatus.PROCESSED);
    assertThat(payment.state().amount()).isEqualTo(Money.of(new BigDecimal("7.50"), "GBP"));
  }
}
