package io.esledger.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The event store is a store of any events: its sources name no aggregate, event or serializer of
 * the payments side. (It uses the store's port types, io.esledger.application.eventstore.)
 */
class StoreKnowsNoPaymentsTest {

  @Test
  void event_store_sources_import_nothing_of_payments() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      List<String> offending = files.filter(p -> p.toString().endsWith(".java"))
          .flatMap(StoreKnowsNoPaymentsTest::lines)
          .filter(l -> l.contains("io.esledger.domain.") || l.contains("Payment"))
          .toList();
      assertThat(offending).isEmpty();
    }
  }

  private static Stream<String> lines(Path file) {
    try {
      return Files.readAllLines(file).stream().map(String::strip)
          .filter(l -> l.startsWith("import ") || l.contains("new "))
          .map(l -> l + "  (" + file.getFileName() + ")");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
