package io.esledger.domain.model.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.esledger.domain.shared.InvalidValueException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every rule of a payment's life, given its history, when a command, then events or a refusal. */
class PaymentLifecycleTest {

  private static final PaymentId ID = new PaymentId("pay-1");
  private static final String P = "pay-1";
  private static final Instant T = Instant.parse("2026-12-02T09:00:00Z");
  private static final OptionalInt ANY = OptionalInt.empty();

  private static BigDecimal eur(String amount) {
    return new BigDecimal(amount);
  }

  // ---- history building blocks
  private static PaymentAuthorized authorized(String amount) {
    return new PaymentAuthorized(P, eur(amount), "EUR", T, null);
  }

  private static PaymentCaptured captured(String amount) {
    return new PaymentCaptured(P, eur(amount), "EUR", T, null);
  }

  private static PaymentCaptureCompleted completed(String total) {
    return new PaymentCaptureCompleted(P, eur(total), "EUR", T);
  }

  private static PaymentRefunded refunded(String amount) {
    return new PaymentRefunded(P, eur(amount), "EUR", null, T);
  }

  private static DisputeOpened disputed(String amount) {
    return new DisputeOpened(P, eur(amount), "EUR", "FRAUD", T);
  }

  private static PaymentProcessed processed(String amount) {
    return new PaymentProcessed(P, eur(amount), "EUR", T, null);
  }

  // ---- commands
  private static CapturePayment capture(String amount) {
    return new CapturePayment(ID, amount == null ? null : eur(amount), false, ANY);
  }

  private static RefundPayment refund(String amount) {
    return new RefundPayment(ID, amount == null ? null : eur(amount), "customer asked", ANY);
  }

  private static OpenDispute dispute(String amount) {
    return new OpenDispute(ID, amount == null ? null : eur(amount), new ReasonCode("FRAUD"), ANY);
  }

  private static final class Scenario {
    private final Payment payment;

    Scenario(PaymentEvent... history) {
      payment = Payment.fromHistory(ID, Arrays.asList(history));
    }

    List<PaymentEvent> when(PaymentCommand command) throws PaymentRejectedException {
      payment.handle(command, T);
      return payment.releaseEvents();
    }

    /** The refusal, after checking it recorded nothing. */
    Throwable refuses(PaymentCommand command) {
      Throwable refusal = org.assertj.core.api.Assertions.catchThrowable(() -> payment.handle(command, T));
      assertThat(refusal).as("a refusal").isNotNull();
      assertThat(payment.releaseEvents()).as("nothing recorded").isEmpty();
      return refusal;
    }

    PaymentState state() {
      return payment.state();
    }
  }

  private static Scenario given(PaymentEvent... history) {
    return new Scenario(history);
  }

  @Nested
  class Authorize {
    @Test
    void a_new_payment_is_authorized() throws Exception {
      assertThat(given().when(new AuthorizePayment(ID, Money.of(eur("80"), "EUR"), ANY)))
          .containsExactly(new PaymentAuthorized(P, eur("80.00"), "EUR", T, null));
    }

    @Test
    void an_existing_payment_cannot_be_authorized_again() {
      assertThat(given(authorized("80")).refuses(new AuthorizePayment(ID, Money.of(eur("80"), "EUR"), ANY)))
          .isInstanceOf(InvalidTransitionException.class).hasMessageContaining("AUTHORIZED");
    }

    @Test
    void a_zero_amount_is_refused() {
      assertThat(given().refuses(new AuthorizePayment(ID, Money.of(eur("0"), "EUR"), ANY)))
          .isInstanceOf(AmountNotPositiveException.class);
    }
  }

  @Nested
  class Capture {
    @Test
    void a_partial_capture_leaves_the_rest_capturable() throws Exception {
      Scenario s = given(authorized("100"));
      assertThat(s.when(capture("30"))).containsExactly(captured("30.00"));
      assertThat(s.state().status()).isEqualTo(PaymentStatus.PARTIALLY_CAPTURED);
      assertThat(s.state().capturable()).isEqualTo(Money.of(eur("70"), "EUR"));
    }

    @Test
    void the_capture_that_takes_the_rest_also_completes_capturing_in_the_same_commit() throws Exception {
      Scenario s = given(authorized("100"), captured("30"));
      assertThat(s.when(capture("70"))).containsExactly(captured("70.00"), completed("100.00"));
      assertThat(s.state().status()).isEqualTo(PaymentStatus.CAPTURED);
    }

    @Test
    void without_an_amount_everything_left_is_captured() throws Exception {
      assertThat(given(authorized("100"), captured("25")).when(capture(null)))
          .containsExactly(captured("75.00"), completed("100.00"));
    }

    @Test
    void a_last_capture_releases_the_rest() throws Exception {
      Scenario s = given(authorized("100"));
      assertThat(s.when(new CapturePayment(ID, eur("40"), true, ANY)))
          .containsExactly(captured("40.00"), completed("40.00"));
      assertThat(s.state().status()).isEqualTo(PaymentStatus.CAPTURED);
      assertThat(s.refuses(capture("1"))).isInstanceOf(InvalidTransitionException.class);
    }

    @Test
    void never_more_than_authorized() {
      assertThat(given(authorized("100"), captured("60")).refuses(capture("40.01")))
          .isInstanceOf(AmountExceedsAuthorizedException.class).hasMessageContaining("40.00 EUR");
    }

    @Test
    void a_fully_captured_payment_cannot_be_captured_again() {
      assertThat(given(authorized("10"), captured("10"), completed("10")).refuses(capture("1")))
          .isInstanceOf(InvalidTransitionException.class);
    }

    @Test
    void more_decimals_than_the_currency_has_are_refused() {
      assertThat(given(authorized("10")).refuses(capture("1.001"))).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void a_payment_that_does_not_exist_cannot_be_captured() {
      assertThat(given().refuses(capture("1"))).isInstanceOf(PaymentNotFoundException.class);
    }

    @Test
    void a_voided_payment_cannot_be_captured() {
      assertThat(given(authorized("10"), new PaymentVoided(P, T)).refuses(capture("1")))
          .isInstanceOf(InvalidTransitionException.class).hasMessageContaining("VOIDED");
    }
  }

  @Nested
  class Refund {
    @Test
    void partial_refunds_add_up_to_at_most_what_was_captured() throws Exception {
      Scenario s = given(authorized("100"), captured("100"), completed("100"));
      assertThat(s.when(refund("30"))).containsExactly(new PaymentRefunded(P, eur("30.00"), "EUR", "customer asked", T));
      assertThat(s.state().status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
      assertThat(s.when(refund("70"))).hasSize(1);
      assertThat(s.state().status()).isEqualTo(PaymentStatus.REFUNDED);
      assertThat(s.state().net()).isEqualTo(Money.of(eur("0"), "EUR"));
      assertThat(s.refuses(refund("0.01"))).isInstanceOf(AmountExceedsCapturedException.class);
    }

    @Test
    void never_more_than_captured_even_if_more_was_authorized() {
      assertThat(given(authorized("100"), captured("40")).refuses(refund("40.01")))
          .isInstanceOf(AmountExceedsCapturedException.class).hasMessageContaining("40.00 EUR");
    }

    @Test
    void a_payment_processed_in_one_step_can_be_refunded() throws Exception {
      Scenario s = given(processed("50"));
      assertThat(s.state().status()).isEqualTo(PaymentStatus.PROCESSED);
      assertThat(s.when(refund(null))).containsExactly(new PaymentRefunded(P, eur("50.00"), "EUR", "customer asked", T));
      assertThat(s.state().status()).isEqualTo(PaymentStatus.REFUNDED);
    }

    @Test
    void nothing_captured_nothing_to_refund() {
      assertThat(given(authorized("100")).refuses(refund("1"))).isInstanceOf(InvalidTransitionException.class);
    }

    @Test
    void a_disputed_payment_cannot_be_refunded() {
      assertThat(given(processed("50"), disputed("50")).refuses(refund("1")))
          .isInstanceOf(InvalidTransitionException.class).hasMessageContaining("DISPUTED");
    }

    @Test
    void a_negative_refund_is_refused() {
      assertThat(given(processed("50")).refuses(refund("-1"))).isInstanceOf(AmountNotPositiveException.class);
    }
  }

  @Nested
  class Void {
    @Test
    void an_authorization_is_voided_before_capture() throws Exception {
      Scenario s = given(authorized("10"));
      assertThat(s.when(new VoidPayment(ID, ANY))).containsExactly(new PaymentVoided(P, T));
      assertThat(s.state().status()).isEqualTo(PaymentStatus.VOIDED);
    }

    @Test
    void not_after_a_capture() {
      assertThat(given(authorized("10"), captured("1")).refuses(new VoidPayment(ID, ANY)))
          .isInstanceOf(InvalidTransitionException.class).hasMessageContaining("PARTIALLY_CAPTURED");
    }

    @Test
    void not_a_payment_processed_in_one_step() {
      assertThat(given(processed("10")).refuses(new VoidPayment(ID, ANY)))
          .isInstanceOf(InvalidTransitionException.class);
    }
  }

  @Nested
  class Fail {
    private final ReasonCode declined = new ReasonCode("DECLINED");

    @Test
    void a_new_payment_is_created_failed_with_the_amount_attempted() throws Exception {
      Scenario s = given();
      assertThat(s.when(new FailPayment(ID, declined, Money.of(eur("12"), "EUR"), ANY)))
          .containsExactly(new PaymentFailed(P, "DECLINED", eur("12.00"), "EUR", T));
      assertThat(s.state().status()).isEqualTo(PaymentStatus.FAILED);
      assertThat(s.state().failureReason()).isEqualTo("DECLINED");
    }

    @Test
    void an_authorized_payment_fails_without_an_amount_of_its_own() throws Exception {
      assertThat(given(authorized("10")).when(new FailPayment(ID, declined, Money.of(eur("99"), "EUR"), ANY)))
          .containsExactly(new PaymentFailed(P, "DECLINED", null, null, T));
    }

    @Test
    void not_once_anything_was_captured() {
      assertThat(given(processed("10")).refuses(new FailPayment(ID, declined, null, ANY)))
          .isInstanceOf(InvalidTransitionException.class);
    }

    @Test
    void a_failed_payment_cannot_be_captured_or_authorized() {
      Scenario s = given(authorized("10"), new PaymentFailed(P, "EXPIRED", null, null, T));
      assertThat(s.refuses(capture("1"))).isInstanceOf(InvalidTransitionException.class);
      assertThat(s.refuses(new AuthorizePayment(ID, Money.of(eur("1"), "EUR"), ANY)))
          .isInstanceOf(InvalidTransitionException.class);
    }

    @Test
    void a_reason_code_is_a_short_code() {
      assertThatThrownBy(() -> new ReasonCode("not a code")).isInstanceOf(InvalidValueException.class);
      assertThatThrownBy(() -> new ReasonCode(null)).isInstanceOf(InvalidValueException.class);
    }
  }

  @Nested
  class Dispute {
    @Test
    void a_dispute_covers_at_most_what_was_captured_and_not_refunded() throws Exception {
      Scenario s = given(processed("100"), refunded("30"));
      assertThat(s.refuses(dispute("70.01"))).isInstanceOf(AmountExceedsCapturedException.class);
      assertThat(s.when(dispute(null))).containsExactly(new DisputeOpened(P, eur("70.00"), "EUR", "FRAUD", T));
      assertThat(s.state().status()).isEqualTo(PaymentStatus.DISPUTED);
    }

    @Test
    void one_dispute_at_a_time() {
      assertThat(given(processed("100"), disputed("10")).refuses(dispute("5")))
          .isInstanceOf(InvalidTransitionException.class);
    }

    @Test
    void a_won_dispute_restores_the_status_before_it() throws Exception {
      Scenario s = given(processed("100"), refunded("30"), disputed("20"));
      assertThat(s.when(new ResolveDispute(ID, true, ANY))).containsExactly(new DisputeWon(P, eur("20.00"), "EUR", T));
      assertThat(s.state().status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
      assertThat(s.state().net()).isEqualTo(Money.of(eur("70"), "EUR"));
    }

    @Test
    void a_lost_dispute_charges_the_amount_back() throws Exception {
      Scenario s = given(processed("100"), disputed("100"));
      assertThat(s.when(new ResolveDispute(ID, false, ANY))).containsExactly(new DisputeLost(P, eur("100.00"), "EUR", T));
      assertThat(s.state().status()).isEqualTo(PaymentStatus.CHARGED_BACK);
      assertThat(s.state().net()).isEqualTo(Money.of(eur("0"), "EUR"));
      assertThat(s.refuses(refund("1"))).isInstanceOf(AmountExceedsCapturedException.class);
    }

    @Test
    void nothing_to_resolve_without_an_open_dispute() {
      assertThat(given(processed("100")).refuses(new ResolveDispute(ID, true, ANY)))
          .isInstanceOf(InvalidTransitionException.class);
    }

    @Test
    void nothing_captured_nothing_to_dispute() {
      assertThat(given(authorized("100")).refuses(dispute("1"))).isInstanceOf(InvalidTransitionException.class);
    }
  }

  @Test
  void a_whole_life_folds_to_its_amounts() {
    PaymentState state = given(authorized("100"), captured("60"), captured("40"), completed("100"), refunded("10"),
        disputed("20"), new DisputeLost(P, eur("20"), "EUR", T)).state();
    assertThat(state.status()).isEqualTo(PaymentStatus.CHARGED_BACK);
    assertThat(state.amount()).isEqualTo(Money.of(eur("100"), "EUR"));
    assertThat(state.captured()).isEqualTo(Money.of(eur("100"), "EUR"));
    assertThat(state.refunded()).isEqualTo(Money.of(eur("10"), "EUR"));
    assertThat(state.chargedBack()).isEqualTo(Money.of(eur("20"), "EUR"));
    assertThat(state.net()).isEqualTo(Money.of(eur("70"), "EUR"));
  }

  @Test
  void a_retry_is_recognised_by_what_the_command_recorded_first() {
    assertThat(capture("30").isRetryOf(captured("30.00"))).isTrue();
    assertThat(capture("31").isRetryOf(captured("30.00"))).isFalse();
    assertThat(capture(null).isRetryOf(captured("30.00"))).isTrue();
    assertThat(refund("30").isRetryOf(captured("30.00"))).as("another kind of command").isFalse();
    assertThat(new ResolveDispute(ID, true, ANY).isRetryOf(new DisputeLost(P, eur("1"), "EUR", T))).isFalse();
  }
}
