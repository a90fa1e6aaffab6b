package io.esledger.analytics.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventFilterTest {

  private static final Instant MORNING = Instant.parse("2026-03-02T09:00:00Z");
  private static final Instant EVENING = Instant.parse("2026-03-02T18:00:00Z");

  @Test
  void no_filter_has_every_field_open() {
    assertThat(EventFilter.none()).isEqualTo(new EventFilter(null, null, null, null, null, null, null));
  }

  @Test
  void a_range_of_one_instant_is_allowed_because_both_ends_are_inclusive() {
    assertThat(new EventFilter(null, null, null, MORNING, MORNING, null, null).from()).isEqualTo(MORNING);
  }

  @Test
  void from_after_to_is_refused_naming_from() {
    assertRefused(() -> new EventFilter(null, null, null, EVENING, MORNING, null, null), "filter.from");
  }

  @Test
  void blank_ids_and_types_are_refused_naming_the_field() {
    assertRefused(() -> new EventFilter(" ", null, null, null, null, null, null), "filter.aggregateType");
    assertRefused(() -> new EventFilter(null, "", null, null, null, null, null), "filter.eventType");
    assertRefused(() -> new EventFilter(null, null, null, null, null, "\t", null), "filter.organizationId");
    assertRefused(() -> new EventFilter(null, null, null, null, null, null, " "), "filter.userId");
  }

  @Test
  void ids_longer_than_128_characters_are_refused() {
    assertThat(new EventFilter(null, null, null, null, null, "o".repeat(128), null).organizationId()).hasSize(128);
    assertRefused(() -> new EventFilter(null, null, null, null, null, "o".repeat(129), null), "filter.organizationId");
  }

  @Test
  void text_longer_than_512_characters_or_32_words_is_refused() {
    assertThat(new EventFilter(null, null, "x".repeat(512), null, null, null, null).text()).hasSize(512);
    assertRefused(() -> new EventFilter(null, null, "x".repeat(5000), null, null, null, null), "filter.text");
    assertRefused(() -> new EventFilter(null, null, "w ".repeat(33), null, null, null, null), "filter.text");
  }

  @Test
  void text_is_measured_in_characters_not_utf16_units() {
    String emoji = "💳".repeat(512);
    assertThat(new EventFilter(null, null, emoji, null, null, null, null).text()).isEqualTo(emoji);
  }

  @Test
  void dates_beyond_four_digit_years_are_refused() {
    assertRefused(() -> new EventFilter(null, null, null, Instant.MIN, null, null, null), "filter.from");
    assertRefused(() -> new EventFilter(null, null, null, null, Instant.parse("+10000-01-01T00:00:00Z"), null, null),
        "filter.to");
  }

  @Test
  void narrowing_to_an_aggregate_type_keeps_the_other_fields() {
    EventFilter filter = new EventFilter(null, "PaymentProcessed", "berlin", MORNING, EVENING, "org-1", "user-1");

    assertThat(filter.withAggregateType("Payment"))
        .isEqualTo(new EventFilter("Payment", "PaymentProcessed", "berlin", MORNING, EVENING, "org-1", "user-1"));
  }

  private static void assertRefused(Runnable filter, String field) {
    assertThatThrownBy(filter::run)
        .isInstanceOfSatisfying(QueryRefusedException.class, e -> assertThat(e.field()).isEqualTo(field));
  }
}
