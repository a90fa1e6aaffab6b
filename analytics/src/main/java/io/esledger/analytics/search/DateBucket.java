package io.esledger.analytics.search;

import java.time.Instant;

/** Events counted in one time bucket; {@code date} is the bucket's start (in the requested zone). */
public record DateBucket(Instant date, long count) {}
