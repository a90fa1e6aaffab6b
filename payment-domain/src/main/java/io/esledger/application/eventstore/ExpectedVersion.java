package io.esledger.application.eventstore;

/**
 * The stream version an append was decided on: {@link #NO_STREAM} for a stream that must not exist
 * yet, or {@link #exactly(int)} the version of its last event. Versions start at 1.
 */
public record ExpectedVersion(int value) {

  public static final ExpectedVersion NO_STREAM = new ExpectedVersion(0);

  public ExpectedVersion {
    if (value < 0) {
      throw new IllegalArgumentException("expected version must be >= 0, was " + value);
    }
  }

  public static ExpectedVersion exactly(int version) {
    return new ExpectedVersion(version);
  }

  @Override
  public String toString() {
    return value == 0 ? "no stream" : Integer.toString(value);
  }
}
