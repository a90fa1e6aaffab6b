package io.esledger.domain.shared;

import java.util.regex.Pattern;

/**
 * The rule for ids a client chooses (payment ids, invoice ids): non-blank, at most
 * {@value #MAX_LENGTH} characters, letters, digits and {@code . _ : @ -} only — no {@code /}, which
 * separates the organization from the id in stream names.
 */
public final class Ids {

  public static final int MAX_LENGTH = 128;
  private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._:@-]+");

  private Ids() {}

  /** Whether {@code value} is 1 to {@code maxLength} characters of the ids' alphabet. */
  public static boolean follows(String value, int maxLength) {
    return value != null && !value.isEmpty() && value.length() <= maxLength && ALLOWED.matcher(value).matches();
  }

  /** Refuses {@code value} as the id {@code field} unless it follows the rule. */
  public static void check(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidValueException(field, field + " must not be blank");
    }
    if (value.length() > MAX_LENGTH) {
      throw new InvalidValueException(field, field + " must be at most " + MAX_LENGTH + " characters");
    }
    if (!ALLOWED.matcher(value).matches()) {
      throw new InvalidValueException(field, field + " may contain only letters, digits and . _ : @ -");
    }
  }
}
