package io.esledger.analytics.search;

import java.util.Arrays;
import java.util.List;

/** Free text as the words a user typed: split at whitespace, nothing else interpreted. */
final class Words {

  private Words() {}

  static List<String> of(String text) {
    String trimmed = text.strip();
    return trimmed.isEmpty() ? List.of() : Arrays.asList(trimmed.split("\\s+"));
  }
}
