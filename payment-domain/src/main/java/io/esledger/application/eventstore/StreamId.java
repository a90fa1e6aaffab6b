package io.esledger.application.eventstore;

/** One aggregate's stream of events: its aggregate type plus its id, e.g. {@code Payment:payment-123}. */
public record StreamId(String aggregateType, String aggregateId) {

  public StreamId {
    if (aggregateType == null || aggregateType.isBlank() || aggregateType.contains(":")) {
      throw new IllegalArgumentException("aggregate type must be a non-blank name without ':'");
    }
    if (aggregateId == null || aggregateId.isBlank()) {
      throw new IllegalArgumentException("aggregate id must not be blank");
    }
  }

  public String value() {
    return aggregateType + ":" + aggregateId;
  }

  @Override
  public String toString() {
    return value();
  }
}
