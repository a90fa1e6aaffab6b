package io.esledger.application.eventstore;

/**
 * An append was sent but its answer never came (a timeout, a connection lost after sending), and
 * reading the store could not tell whether it was stored. Retrying the same command with the same
 * command id is safe: it either finds the first attempt's events or stores them once.
 */
public class OutcomeUnknownException extends RuntimeException {

  public OutcomeUnknownException(String message, Throwable cause) {
    super(message, cause);
  }
}
