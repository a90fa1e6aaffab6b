package io.esledger.application.eventstore;

import java.util.Arrays;

/**
 * A place in the event log. The log is partitioned (one partition per shard of the event index);
 * within a partition commits are totally ordered by sequence number, and a position holds, for each
 * partition, the sequence number of the last commit at or before it ({@code -1}: none). Positions
 * are compared partition by partition: one {@link #covers covers} another when it is at or past it
 * in every partition. Immutable.
 */
public final class LogPosition {

  private static final String PREFIX = "L";
  private static final int MAX_PARTITIONS = 1024;

  private final long[] seqNos;

  private LogPosition(long[] seqNos) {
    this.seqNos = seqNos;
  }

  /** Before every commit of a log with {@code partitions} partitions. */
  public static LogPosition start(int partitions) {
    if (partitions < 1 || partitions > MAX_PARTITIONS) {
      throw new IllegalArgumentException("a log has 1.." + MAX_PARTITIONS + " partitions");
    }
    long[] seqNos = new long[partitions];
    Arrays.fill(seqNos, -1);
    return new LogPosition(seqNos);
  }

  /** A position from its sequence numbers, one per partition. */
  public static LogPosition of(long... seqNos) {
    LogPosition start = start(seqNos.length);
    for (int p = 0; p < seqNos.length; p++) {
      if (seqNos[p] < -1) {
        throw new IllegalArgumentException("a sequence number is -1 or more");
      }
      start.seqNos[p] = seqNos[p];
    }
    return start;
  }

  public int partitions() {
    return seqNos.length;
  }

  /** The sequence number of the last commit at or before this position in {@code partition}, or -1. */
  public long seqNo(int partition) {
    return partition < seqNos.length ? seqNos[partition] : -1;
  }

  /** This position moved to {@code seqNo} in one partition (never backwards). */
  public LogPosition advance(int partition, long seqNo) {
    if (seqNo(partition) >= seqNo) {
      return this;
    }
    long[] next = Arrays.copyOf(seqNos, Math.max(seqNos.length, partition + 1));
    for (int p = seqNos.length; p < next.length; p++) {
      next[p] = -1;
    }
    next[partition] = seqNo;
    return new LogPosition(next);
  }

  /** At or past {@code other} in every partition (a partition missing from either counts as -1). */
  public boolean covers(LogPosition other) {
    for (int p = 0; p < other.seqNos.length; p++) {
      if (seqNo(p) < other.seqNos[p]) {
        return false;
      }
    }
    return true;
  }

  /** The furthest of both in each partition (the position that covers both and nothing more). */
  public LogPosition max(LogPosition other) {
    long[] merged = new long[Math.max(seqNos.length, other.seqNos.length)];
    for (int p = 0; p < merged.length; p++) {
      merged[p] = Math.max(seqNo(p), other.seqNo(p));
    }
    return new LogPosition(merged);
  }

  /** A compact text form, e.g. {@code L12.-1.40}; {@link #parse} reads it back. */
  public String encode() {
    StringBuilder text = new StringBuilder(PREFIX);
    for (int p = 0; p < seqNos.length; p++) {
      text.append(p == 0 ? "" : ".").append(seqNos[p]);
    }
    return text.toString();
  }

  /** @throws IllegalArgumentException for any text {@link #encode} does not produce */
  public static LogPosition parse(String text) {
    if (text == null || !text.startsWith(PREFIX) || text.length() > 24 * MAX_PARTITIONS) {
      throw new IllegalArgumentException("not a log position");
    }
    String[] parts = text.substring(PREFIX.length()).split("\\.", -1);
    if (parts.length > MAX_PARTITIONS) {
      throw new IllegalArgumentException("not a log position");
    }
    long[] seqNos = new long[parts.length];
    try {
      for (int p = 0; p < parts.length; p++) {
        seqNos[p] = Long.parseLong(parts[p]);
      }
      return of(seqNos);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a log position", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LogPosition other && Arrays.equals(seqNos, other.seqNos);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(seqNos);
  }

  @Override
  public String toString() {
    return encode();
  }
}
