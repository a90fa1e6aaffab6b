package io.esledger.domain.shared;

/**
 * A value object refused to be built from the given input. Carries the name of the offending field
 * so the edge can tell the caller exactly what to fix.
 */
public class InvalidValueException extends IllegalArgumentException {

  private final String field;

  public InvalidValueException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
