package io.esledger.domain.model.invoice;

import io.esledger.domain.shared.InvalidValueException;
import java.util.regex.Pattern;

/** Identity of an invoice, chosen by the client and unique within its organization. */
public record InvoiceId(String value) {

  public static final int MAX_LENGTH = 128;
  private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._:@-]+");

  public InvoiceId {
    if (value == null || value.isBlank()) {
      throw new InvalidValueException("invoiceId", "invoiceId must not be blank");
    }
    if (value.length() > MAX_LENGTH) {
      throw new InvalidValueException("invoiceId", "invoiceId must be at most " + MAX_LENGTH + " characters");
    }
    if (!ALLOWED.matcher(value).matches()) {
      throw new InvalidValueException("invoiceId", "invoiceId may contain only letters, digits and . _ : @ -");
    }
  }

  /** The id, or null when {@code value} is null (an optional reference). */
  public static InvoiceId ofNullable(String value) {
    return value == null ? null : new InvoiceId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
