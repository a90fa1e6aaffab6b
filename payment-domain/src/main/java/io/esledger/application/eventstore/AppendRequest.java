package io.esledger.application.eventstore;

import java.util.List;

/** One append of a batch: a stream, the version it was decided on, and its events. */
public record AppendRequest(StreamId stream, ExpectedVersion expected, List<NewEvent> events) {}
