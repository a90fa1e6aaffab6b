package io.esledger.application.eventstore;

/**
 * An append refused before anything was sent: the stream's name is too long for the store's
 * document ids. Nothing is stored; the caller chose an id that is too long.
 */
public class StreamNameTooLongException extends IllegalArgumentException {

  private final StreamId stream;

  public StreamNameTooLongException(StreamId stream, String message) {
    super(message);
    this.stream = stream;
  }

  public StreamId stream() {
    return stream;
  }
}
