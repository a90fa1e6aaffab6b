package io.esledger.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** The results of repeated runs: median and spread. */
final class Series {

  private final List<Double> values = new ArrayList<>();

  void add(double value) {
    values.add(value);
  }

  double median() {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  /** "1,234/s (1,100–1,300)". */
  String rate() {
    return String.format(Locale.ROOT, "%,.0f/s (%,.0f–%,.0f)", median(), Collections.min(values), Collections.max(values));
  }

  String spread(String format) {
    return String.format(Locale.ROOT, format + " (" + format + "–" + format + ")", median(), Collections.min(values),
        Collections.max(values));
  }
}
