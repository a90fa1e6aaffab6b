package io.esledger.application.eventstore;

import java.util.List;

/**
 * A page of the log: entries in log order within each partition, and {@code next}, the position to
 * read on from (it may be past the last entry when later commits did not match the filter).
 * {@code atHead}: nothing readable lay beyond {@code next} when the page was read.
 */
public record LogPage(List<LogEntry> entries, LogPosition next, boolean atHead) {}
