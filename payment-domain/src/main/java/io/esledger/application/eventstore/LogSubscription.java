package io.esledger.application.eventstore;

/**
 * A catch-up subscription: it reads the log from a position — history first, then live — and hands
 * each page to its consumer, reading the next page only when the consumer has returned
 * (back-pressure). A consumer that throws gets the same page again after a back-off. Closing it
 * stops it; no page is handed over after {@link #close} returns.
 */
public interface LogSubscription extends AutoCloseable {

  /** The position after the last page the consumer took. */
  LogPosition position();

  /**
   * Reads on now instead of at the next poll (someone waits for a position it has not reached):
   * appends made anywhere reach a subscription within its poll interval, or at once when woken.
   */
  void wake();

  /** Whether it still reads: false once closed, or if its reader died of an error it could not retry. */
  default boolean running() {
    return true;
  }

  /** Stops the subscription and waits for the page in hand to finish. */
  @Override
  void close();

  /** Takes pages of the log. */
  @FunctionalInterface
  interface Consumer {
    void accept(LogPage page) throws Exception;
  }
}
