package io.esledger.analytics.search;

import static io.esledger.analytics.search.Given.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.esledger.application.eventstore.RecordedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PaginationIT extends SearchNodeSupport {

  private static final Instant TEN = Instant.parse("2026-03-02T10:00:00Z");

  /** Payments p-00 .. p-24, one a minute from 10:00: newest first is p-24 .. p-00. */
  private void twentyFivePayments() throws Exception {
    for (int i = 0; i < 25; i++) {
      given("Payment", "p-%02d".formatted(i), event("PaymentProcessed", TEN.plus(Duration.ofMinutes(i)).toString()));
    }
    refresh();
  }

  @Test
  void pages_walk_the_events_newest_first_and_the_last_page_is_partial() throws Exception {
    twentyFivePayments();

    EventPage first = search.search(ALL, EventFilter.none(), new PageRequest(0, 10));
    EventPage last = search.search(ALL, EventFilter.none(), new PageRequest(20, 10));

    assertThat(ids(first)).containsExactlyElementsOf(payments(24, 15));
    assertThat(ids(last)).containsExactlyElementsOf(payments(4, 0));
    assertThat(first.total()).isEqualTo(25);
    assertThat(last.total()).isEqualTo(25);
    assertThat(last.totalIsExact()).isTrue();
  }

  @Test
  void a_page_at_or_past_the_end_is_empty_but_still_tells_the_total() throws Exception {
    twentyFivePayments();

    for (int offset : new int[] {25, 30, 9_900}) {
      EventPage beyond = search.search(ALL, EventFilter.none(), new PageRequest(offset, 10));
      assertThat(beyond.items()).as("offset %d", offset).isEmpty();
      assertThat(beyond.total()).isEqualTo(25);
    }
  }

  @Test
  void consecutive_pages_add_up_to_one_big_page() throws Exception {
    twentyFivePayments();

    List<String> paged = new ArrayList<>();
    for (int offset = 0; offset < 25; offset += 7) {
      paged.addAll(ids(search.search(ALL, EventFilter.none(), new PageRequest(offset, 7))));
    }

    assertThat(paged).containsExactlyElementsOf(ids(search.search(ALL, EventFilter.none(), new PageRequest(0, 100))));
    assertThat(paged).hasSize(25).doesNotHaveDuplicates();
  }

  @Test
  void events_with_the_same_timestamp_are_ordered_by_version_then_stream_on_every_page() throws Exception {
    String ten = TEN.toString();
    given("Payment", "b", event("PaymentInitiated", ten), event("PaymentProcessed", ten));
    given("Payment", "a", event("PaymentInitiated", ten), event("PaymentProcessed", ten));
    refresh();

    List<String> onePerPage = IntStream.range(0, 4)
        .mapToObj(offset -> search.search(ALL, EventFilter.none(), new PageRequest(offset, 1)).items().get(0).eventId())
        .toList();

    assertThat(onePerPage).containsExactly("a-v2", "b-v2", "a-v1", "b-v1");
  }

  private static List<String> ids(EventPage page) {
    return page.items().stream().map(RecordedEvent::stream).map(s -> s.aggregateId()).toList();
  }

  private static List<String> payments(int newest, int oldest) {
    return IntStream.iterate(newest, i -> i >= oldest, i -> i - 1).mapToObj("p-%02d"::formatted).toList();
  }
}
