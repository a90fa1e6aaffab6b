package io.esledger.application.eventstore;

/**
 * What became of one append of a batch: stored ({@code result}), or refused ({@code failure}: a
 * {@link WrongExpectedVersionException} or an {@link EventStoreUnavailableException}). Each append
 * of a batch succeeds or fails on its own, and atomically.
 */
public record AppendOutcome(AppendResult result, RuntimeException failure) {

  public static AppendOutcome stored(AppendResult result) {
    return new AppendOutcome(result, null);
  }

  public static AppendOutcome refused(RuntimeException failure) {
    return new AppendOutcome(null, failure);
  }

  public boolean isStored() {
    return result != null;
  }

  /**
   * Refused because the stream was not at the expected version: another writer got there first.
   * For an append that expected no stream, this is "the stream already exists".
   */
  public boolean isConflict() {
    return failure instanceof WrongExpectedVersionException;
  }

  /** Refused because an append that expected a new stream found one already there. */
  public boolean streamAlreadyExists() {
    return isConflict() && ((WrongExpectedVersionException) failure).expected().value() == 0;
  }
}
