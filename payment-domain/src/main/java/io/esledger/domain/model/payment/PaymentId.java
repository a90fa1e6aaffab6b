package io.esledger.domain.model.payment;

import io.esledger.domain.shared.InvalidValueException;
import java.util.regex.Pattern;

/** Identity of a payment, chosen by the client (so a retry targets the same payment). */
public record PaymentId(String value) {

  public static final int MAX_LENGTH = 128;
  private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._:@-]+");

  public PaymentId {
    if (value == null || value.isBlank()) {
      throw new InvalidValueException("paymentId", "paymentId must not be blank");
    }
    if (value.length() > MAX_LENGTH) {
      throw new InvalidValueException("paymentId", "paymentId must be at most " + MAX_LENGTH + " characters");
    }
    if (!ALLOWED.matcher(value).matches()) {
      throw new InvalidValueException(
          "paymentId", "paymentId may contain only letters, digits and . _ : @ -");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
