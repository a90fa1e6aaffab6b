package io.esledger.application.eventstore;

/**
 * One event read from the log, with the place of its commit: the partition and the commit's
 * sequence number there. Every event of a commit has the same place and is delivered together.
 */
public record LogEntry(int partition, long seqNo, RecordedEvent event) {}
