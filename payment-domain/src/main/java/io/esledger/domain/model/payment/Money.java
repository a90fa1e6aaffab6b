package io.esledger.domain.model.payment;

import io.esledger.domain.shared.InvalidValueException;
import java.math.BigDecimal;
import java.util.Currency;

/**
 * An amount in one ISO 4217 currency, always at the currency's minor-unit scale (EUR 100 is
 * 100.00, JPY 100 is 100). An amount with more decimals than the currency has is refused rather
 * than rounded: silently rounding money is how ledgers drift.
 */
public record Money(BigDecimal amount, Currency currency) {

  public Money {
    if (amount == null) {
      throw new InvalidValueException("amount", "amount is required");
    }
    if (currency == null) {
      throw new InvalidValueException("currency", "currency is required");
    }
    int minorUnits = currency.getDefaultFractionDigits();
    if (minorUnits < 0) {
      throw new InvalidValueException(
          "currency", currency.getCurrencyCode() + " is not a currency that payments can be made in");
    }
    BigDecimal stripped = amount.stripTrailingZeros();
    if (Math.max(stripped.scale(), 0) > minorUnits) {
      throw new InvalidValueException(
          "amount",
          "amount " + amount.toPlainString() + " has more decimals than " + currency.getCurrencyCode()
              + " allows (" + minorUnits + ")");
    }
    amount = amount.setScale(minorUnits);
  }

  public static Money of(BigDecimal amount, String currencyCode) {
    return new Money(amount, currency(currencyCode));
  }

  private static Currency currency(String code) {
    if (code == null || !code.matches("[A-Z]{3}")) {
      throw new InvalidValueException("currency", "currency must be an ISO 4217 code like EUR");
    }
    try {
      return Currency.getInstance(code);
    } catch (IllegalArgumentException unknown) {
      throw new InvalidValueException("currency", "unknown ISO 4217 currency " + code);
    }
  }

  public boolean isPositive() {
    return amount.signum() > 0;
  }

  /** Nothing, in a currency (at its scale). */
  public static Money zero(Currency currency) {
    return new Money(BigDecimal.ZERO, currency);
  }

  public Money plus(Money other) {
    return new Money(amount.add(sameCurrency(other).amount), currency);
  }

  public Money minus(Money other) {
    return new Money(amount.subtract(sameCurrency(other).amount), currency);
  }

  public boolean isGreaterThan(Money other) {
    return amount.compareTo(sameCurrency(other).amount) > 0;
  }

  /** The same amount in the same currency, whatever the scale it was written with. */
  public boolean sameAs(Money other) {
    return other != null && currency.equals(other.currency) && amount.compareTo(other.amount) == 0;
  }

  private Money sameCurrency(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException("cannot combine " + this + " with " + other);
    }
    return other;
  }

  public String currencyCode() {
    return currency.getCurrencyCode();
  }

  @Override
  public String toString() {
    return amount.toPlainString() + " " + currencyCode();
  }
}
