package io.esledger.application.eventstore;

import java.util.List;

/** What an acknowledged append stored; {@code version} is the stream's version after it. */
public record AppendResult(StreamId stream, int version, List<RecordedEvent> events) {}
