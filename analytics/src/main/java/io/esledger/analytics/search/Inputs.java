package io.esledger.analytics.search;

import static io.esledger.analytics.search.QueryLimits.*;

import java.time.Instant;

/** Checks of single inputs; each refusal names the input the way the API names it. */
final class Inputs {

  private Inputs() {}

  static String requiredId(String field, String value) {
    if (value == null) {
      throw new QueryRefusedException(field, field + " is required");
    }
    return optionalId(field, value);
  }

  static String optionalId(String field, String value) {
    if (value != null && value.isBlank()) {
      throw new QueryRefusedException(field, field + " must not be blank");
    }
    if (value != null && value.length() > MAX_ID_LENGTH) {
      throw new QueryRefusedException(field, field + " must be at most " + MAX_ID_LENGTH + " characters");
    }
    return value;
  }

  static String requiredText(String field, String value) {
    if (value == null) {
      throw new QueryRefusedException(field, field + " is required");
    }
    return optionalText(field, value);
  }

  static String optionalText(String field, String value) {
    if (value == null) {
      return null;
    }
    if (value.isBlank()) {
      throw new QueryRefusedException(field, field + " must not be blank");
    }
    if (value.codePointCount(0, value.length()) > MAX_TEXT_LENGTH) {
      throw new QueryRefusedException(field, field + " must be at most " + MAX_TEXT_LENGTH + " characters");
    }
    if (Words.of(value).size() > MAX_TEXT_WORDS) {
      throw new QueryRefusedException(field, field + " must have at most " + MAX_TEXT_WORDS + " words");
    }
    return value;
  }

  static Instant required(String field, Instant value) {
    if (value == null) {
      throw new QueryRefusedException(field, field + " is required");
    }
    return optional(field, value);
  }

  static Instant optional(String field, Instant value) {
    if (value != null && (value.isBefore(EARLIEST) || value.isAfter(LATEST))) {
      throw new QueryRefusedException(field, field + " must be between " + EARLIEST + " and " + LATEST);
    }
    return value;
  }
}
