package io.esledger.infrastructure.eventstore.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import io.esledger.application.eventstore.EventMetadata;
import io.esledger.application.eventstore.RecordedEvent;
import io.esledger.application.eventstore.StreamId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamCacheTest {

  private static List<RecordedEvent> events(StreamId s, int from, int to) {
    List<RecordedEvent> events = new ArrayList<>();
    for (int v = from; v <= to; v++) {
      events.add(new RecordedEvent("e-" + s + v, s, v, "T", "{}", Instant.EPOCH, new EventMetadata(null, null, null,
          null, null)));
    }
    return events;
  }

  private final StreamId a = new StreamId("T", "a");
  private final StreamId b = new StreamId("T", "b");

  @Test
  void appends_extend_a_known_stream_only_at_its_end() {
    StreamCache cache = new StreamCache(100);
    cache.appended(a, 0, events(a, 1, 2));
    cache.appended(a, 2, events(a, 3, 3));
    assertThat(cache.known(a)).extracting(RecordedEvent::version).containsExactly(1, 2, 3);

    cache.appended(a, 5, events(a, 6, 6)); // appended after versions it never saw
    assertThat(cache.known(a)).isEmpty();
    cache.appended(b, 1, events(b, 2, 2)); // a stream it does not know
    assertThat(cache.known(b)).isEmpty();
  }

  @Test
  void the_least_recently_used_streams_go_first_when_it_is_full() {
    StreamCache cache = new StreamCache(5);
    cache.read(a, events(a, 1, 3));
    cache.read(b, events(b, 1, 2));
    cache.known(a); // a used last
    cache.read(new StreamId("T", "c"), events(new StreamId("T", "c"), 1, 2));

    assertThat(cache.known(b)).isEmpty();
    assertThat(cache.known(a)).hasSize(3);
  }

  @Test
  void a_very_long_stream_is_not_kept_and_a_forgotten_one_is_read_again() {
    StreamCache cache = new StreamCache(100_000);
    cache.read(a, events(a, 1, StreamCache.MAX_STREAM_EVENTS + 1));
    assertThat(cache.known(a)).isEmpty();
    cache.read(b, events(b, 1, 2));
    cache.forget(b);
    assertThat(cache.known(b)).isEmpty();
  }
}
