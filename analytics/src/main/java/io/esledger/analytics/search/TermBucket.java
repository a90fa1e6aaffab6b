package io.esledger.analytics.search;

/** Events counted for one value (an organization, a user). */
public record TermBucket(String key, long count) {}
