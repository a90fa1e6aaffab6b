package io.esledger.application.eventstore;

/** Another writer got there first: the stream is not at the version the append was decided on. */
public class WrongExpectedVersionException extends RuntimeException {

  private final StreamId stream;
  private final ExpectedVersion expected;
  private final int actual;

  public WrongExpectedVersionException(StreamId stream, ExpectedVersion expected, int actual) {
    super("stream " + stream + " expected at version " + expected + " but is at version " + actual);
    this.stream = stream;
    this.expected = expected;
    this.actual = actual;
  }

  public StreamId stream() {
    return stream;
  }

  public ExpectedVersion expected() {
    return expected;
  }

  public int actual() {
    return actual;
  }
}
