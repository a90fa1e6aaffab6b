package io.esledger.application.eventstore;

/** The event store could not be reached, or refused the request. Nothing was stored by the failed call. */
public class EventStoreUnavailableException extends RuntimeException {

  public EventStoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
