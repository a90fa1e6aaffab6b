package io.esledger.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** No value in one part of an analytics cache key can make it equal to another query's key. */
class CacheKeyTest {

  @Test
  void a_separator_inside_a_value_cannot_forge_another_key() {
    assertThat(EventAnalytics.cacheKey("idx", "org:x|statistics", "PaymentProcessed"))
        .isNotEqualTo(EventAnalytics.cacheKey("idx", "org:x", "statistics|PaymentProcessed"));
    assertThat(EventAnalytics.cacheKey("idx", "org:a", "3:b|"))
        .isNotEqualTo(EventAnalytics.cacheKey("idx", "org:a", "", "b"));
    assertThat(EventAnalytics.cacheKey("idx", "org:a", "T")).isEqualTo(EventAnalytics.cacheKey("idx", "org:a", "T"));
  }
}
