package io.esledger.analytics.search;

import static io.esledger.analytics.search.Given.event;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Free text over event data and metadata: literal words, any case, never query syntax. */
class TextSearchIT extends SearchNodeSupport {

  @BeforeEach
  void threePayments() throws Exception {
    given("Payment", "p-berlin", event("PaymentProcessed", "2026-03-02T10:00:00Z")
        .by("org-acme", "user-7").correlatedBy("corr-berlin")
        .data("{\"paymentId\":\"p-berlin\",\"description\":\"Invoice 2026-117 for Acme, Berlin office\","
            + "\"currency\":\"EUR\"}"));
    given("Payment", "p-paris", event("PaymentProcessed", "2026-03-02T10:05:00Z")
        .by("org-2", "user-1")
        .data("{\"paymentId\":\"p-paris\",\"description\":\"Rent for the Paris office 🏠\","
            + "\"payer\":{\"name\":\"Zoë Müller\"},\"currency\":\"EUR\"}"));
    given("Payment", "p-x", event("PaymentProcessed", "2026-03-02T10:10:00Z")
        .by("org-1", "user-2")
        .data("{\"paymentId\":\"p-x\",\"description\":\"a OR b)(* literally\",\"currency\":\"USD\"}"));
    refresh();
  }

  @Test
  void a_word_of_the_data_finds_its_event_whatever_its_case() {
    assertThat(found("BERLIN")).containsExactly("p-berlin");
    assertThat(found("invoice")).containsExactly("p-berlin");
  }

  @Test
  void strings_nested_in_the_data_are_searched_too() {
    assertThat(found("müller")).containsExactly("p-paris");
  }

  @Test
  void metadata_ids_find_their_events() {
    assertThat(found("org-acme")).containsExactly("p-berlin");
    assertThat(found("corr-berlin")).containsExactly("p-berlin");
    assertThat(found("user-7")).containsExactly("p-berlin");
  }

  @Test
  void every_word_must_occur_and_matches_come_newest_first() {
    assertThat(found("office")).containsExactly("p-paris", "p-berlin");
    assertThat(found("Berlin office")).containsExactly("p-berlin");
    assertThat(found("Paris Berlin")).isEmpty();
  }

  @Test
  void an_id_matches_as_written_not_pieced_together_from_other_ids() {
    // p-paris has org-2 and user-1: the tokens "org" and "1", but never "org-1"
    assertThat(found("org-1")).containsExactly("p-x");
  }

  @Test
  void boolean_operators_are_just_words() {
    assertThat(found("berlin OR paris")).isEmpty();
    assertThat(found("a OR b)(*")).containsExactly("p-x");
  }

  @Test
  void an_unbalanced_quote_is_ignored_around_a_word() {
    assertThat(found("\"org-acme")).containsExactly("p-berlin");
  }

  @Test
  void an_emoji_is_a_word_like_any_other() {
    assertThat(found("🏠")).containsExactly("p-paris");
  }

  @ParameterizedTest
  @ValueSource(strings = {"*:*", "\\\"", "/regex/", "{{", "\"", "((", "a:b AND NOT c", "field:value", "-", "~",
      "&& ||", "\\", "org-acme^10 ~2", "[* TO *]", "<script>", "\u0000", "' OR 1=1 --"})
  void query_syntax_finds_nothing_and_fails_nothing(String hostile) {
    assertThat(found(hostile)).isEmpty();
    assertThat(search.search(ALL, new EventFilter(null, null, hostile, null, null, null, null), PageRequest.first())
        .total()).isZero();
  }

  @Test
  void the_longest_allowed_texts_are_searched_normally() {
    assertThat(found("x".repeat(QueryLimits.MAX_TEXT_LENGTH))).isEmpty();
    assertThat(found("office ".repeat(QueryLimits.MAX_TEXT_WORDS))).containsExactly("p-paris", "p-berlin");
  }

  @Test
  void text_combines_with_the_other_filters() {
    EventFilter org2 = new EventFilter(null, null, null, null, null, "org-2", null);

    assertThat(search.searchData(ALL, "office", org2)).extracting(e -> e.stream().aggregateId()).containsExactly("p-paris");
    assertThat(search.search(ALL, new EventFilter("Payment", null, "office", null, null, null, null), PageRequest.first())
        .total()).isEqualTo(2);
  }

  private List<String> found(String text) {
    return search.searchData(ALL, text, null).stream().map(e -> e.stream().aggregateId()).toList();
  }
}
