package io.esledger.analytics.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeekdayHoursTest {

  @Test
  void each_hour_lands_in_its_weekday_row_and_hour_column() {
    List<DateBucket> hours = List.of(
        new DateBucket(Instant.parse("2026-03-02T10:00:00Z"), 3), // Monday
        new DateBucket(Instant.parse("2026-03-08T23:00:00Z"), 2)); // Sunday

    long[][] matrix = WeekdayHours.of(hours, ZoneOffset.UTC);

    assertThat(matrix[0][10]).isEqualTo(3);
    assertThat(matrix[6][23]).isEqualTo(2);
    assertThat(sum(matrix)).isEqualTo(5);
  }

  @Test
  void hours_are_local_to_the_zone_so_a_late_sunday_in_utc_is_a_monday_in_berlin() {
    long[][] matrix = WeekdayHours.of(
        List.of(new DateBucket(Instant.parse("2026-03-08T23:00:00Z"), 2)), ZoneId.of("Europe/Berlin"));

    assertThat(matrix[0][0]).isEqualTo(2);
  }

  @Test
  void both_hours_of_an_autumn_night_fall_into_one_cell() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    List<DateBucket> hours = List.of(
        new DateBucket(Instant.parse("2026-10-25T00:00:00Z"), 1), // 02:00 CEST, Sunday
        new DateBucket(Instant.parse("2026-10-25T01:00:00Z"), 4)); // 02:00 CET

    long[][] matrix = WeekdayHours.of(hours, berlin);

    assertThat(matrix[6][2]).isEqualTo(5);
    assertThat(sum(matrix)).isEqualTo(5);
  }

  private static long sum(long[][] matrix) {
    return Arrays.stream(matrix).flatMapToLong(Arrays::stream).sum();
  }
}
