package io.esledger.application.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LogPositionTest {

  @Test
  void a_position_covers_another_when_it_is_at_or_past_it_in_every_partition() {
    LogPosition p = LogPosition.of(5, 7);

    assertThat(p.covers(LogPosition.of(5, 7))).isTrue();
    assertThat(p.covers(LogPosition.of(4, -1))).isTrue();
    assertThat(p.covers(LogPosition.of(6, 0))).isFalse();
    assertThat(p.covers(LogPosition.of(5, 7, 0))).as("a partition it does not know counts as -1").isFalse();
    assertThat(p.covers(LogPosition.of(5, 7, -1))).isTrue();
  }

  @Test
  void the_furthest_of_two_positions_is_taken_partition_by_partition() {
    assertThat(LogPosition.of(1, 9).max(LogPosition.of(4, 2, 3))).isEqualTo(LogPosition.of(4, 9, 3));
  }

  @Test
  void a_position_only_advances() {
    LogPosition p = LogPosition.start(2).advance(1, 10);

    assertThat(p.advance(1, 3)).isEqualTo(p);
    assertThat(p.advance(0, 0)).isEqualTo(LogPosition.of(0, 10));
  }

  @Test
  void the_text_form_reads_back_and_nothing_else_does() {
    LogPosition p = LogPosition.of(12, -1, 40);

    assertThat(p.encode()).isEqualTo("L12.-1.40");
    assertThat(LogPosition.parse(p.encode())).isEqualTo(p);
    for (String bad : new String[] {"", "12", "L", "L1..2", "L-2", "Lx", "L1.2.", "L99999999999999999999"}) {
      assertThatThrownBy(() -> LogPosition.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
