package io.esledger.domain.model.payment;

import io.esledger.domain.shared.InvalidValueException;
import java.util.regex.Pattern;

/** Why a payment failed or was disputed, as a short code (e.g. {@code DECLINED}, {@code FRAUD}). */
public record ReasonCode(String value) {

  private static final Pattern ALLOWED = Pattern.compile("[A-Z0-9][A-Z0-9_.-]{0,63}");

  public ReasonCode {
    if (value == null || !ALLOWED.matcher(value).matches()) {
      throw new InvalidValueException("reasonCode",
          "reasonCode must be 1-64 upper-case letters, digits and _ . - (like DECLINED or INSUFFICIENT_FUNDS)");
    }
  }
}
