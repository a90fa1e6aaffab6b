package io.esledger.infrastructure.eventstore.elasticsearch;

/**
 * What the event store tells about its appends, for metrics. Called on the appending threads: an
 * implementation only counts (no I/O, no locks held for long).
 */
public interface StoreMeter {

  /** Counts nothing. */
  StoreMeter NONE = new StoreMeter() {};

  /** How one append ended. */
  enum Outcome {
    STORED, CONFLICT, FAILED, UNKNOWN;

    /** The outcome's name in metric tags. */
    public String tag() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * One write of appends to Elasticsearch: a group-commit batch, or a caller's batch of appends.
   *
   * @param appends how many appends (streams) the write carried
   * @param events how many events they had in all
   */
  default void written(int appends, int events) {}

  /** One append's outcome (per stream of a write). */
  default void outcome(Outcome outcome) {}

  /** A single append from the caller's side: queueing for the group commit included. */
  default void appended(Outcome outcome, long nanos) {}
}
