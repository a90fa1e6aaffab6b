package io.esledger.analytics.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PageRequestTest {

  @Test
  void the_first_page_is_twenty_events_from_the_start() {
    assertThat(PageRequest.first()).isEqualTo(new PageRequest(0, 20));
  }

  @Test
  void a_page_may_be_up_to_a_hundred_events_and_end_exactly_at_the_window() {
    assertThat(new PageRequest(0, 100).size()).isEqualTo(100);
    assertThat(new PageRequest(9_900, 100).offset()).isEqualTo(9_900);
    assertThat(new PageRequest(9_999, 1).offset()).isEqualTo(9_999);
  }

  @Test
  void a_page_of_more_than_a_hundred_events_is_refused_naming_the_size() {
    assertRefused(() -> new PageRequest(0, 101), "page.size");
    assertThatThrownBy(() -> new PageRequest(0, 101)).hasMessage("page size must be between 1 and 100, was 101");
  }

  @Test
  void an_empty_or_negative_page_size_is_refused() {
    assertRefused(() -> new PageRequest(0, 0), "page.size");
    assertRefused(() -> new PageRequest(0, -5), "page.size");
  }

  @Test
  void a_negative_offset_is_refused() {
    assertRefused(() -> new PageRequest(-1, 10), "page.offset");
  }

  @Test
  void a_page_reaching_past_ten_thousand_events_is_refused_naming_the_offset() {
    assertRefused(() -> new PageRequest(9_991, 10), "page.offset");
    assertRefused(() -> new PageRequest(Integer.MAX_VALUE, 100), "page.offset");
  }

  private static void assertRefused(Runnable page, String field) {
    assertThatThrownBy(page::run)
        .isInstanceOfSatisfying(QueryRefusedException.class, e -> assertThat(e.field()).isEqualTo(field));
  }
}
