package io.esledger.domain.model.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.esledger.domain.shared.InvalidValueException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

  @Test
  void an_amount_takes_the_minor_unit_scale_of_its_currency() {
    assertThat(Money.of(new BigDecimal("100"), "EUR").amount()).isEqualTo(new BigDecimal("100.00"));
    assertThat(Money.of(new BigDecimal("100"), "JPY").amount()).isEqualTo(new BigDecimal("100"));
    assertThat(Money.of(new BigDecimal("1.234"), "BHD").amount()).isEqualTo(new BigDecimal("1.234"));
  }

  @Test
  void trailing_zeros_beyond_the_scale_are_not_extra_decimals() {
    assertThat(Money.of(new BigDecimal("12.5000"), "EUR").amount()).isEqualTo(new BigDecimal("12.50"));
  }

  @Test
  void more_decimals_than_the_currency_has_are_refused_not_rounded() {
    assertThatThrownBy(() -> Money.of(new BigDecimal("10.001"), "EUR"))
        .isInstanceOf(InvalidValueException.class)
        .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo("amount"));
    assertThatThrownBy(() -> Money.of(new BigDecimal("1.5"), "JPY")).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void unknown_or_malformed_currencies_are_refused() {
    for (String code : new String[] {"ZZZ", "eur", "EURO", "", "XXX"}) {
      assertThatThrownBy(() -> Money.of(BigDecimal.ONE, code))
          .as(code)
          .isInstanceOf(InvalidValueException.class)
          .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo("currency"));
    }
  }
}
