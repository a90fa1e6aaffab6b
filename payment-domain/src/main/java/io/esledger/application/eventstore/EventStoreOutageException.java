package io.esledger.application.eventstore;

/**
 * The event store gave no answer at all: unreachable, or no answer in time. Unlike a refusal (an
 * answer that says no, often to one bad request), an outage says the store is failing for everyone,
 * so callers may stop sending it work for a while.
 */
public class EventStoreOutageException extends EventStoreUnavailableException {

  public EventStoreOutageException(String message, Throwable cause) {
    super(message, cause);
  }
}
