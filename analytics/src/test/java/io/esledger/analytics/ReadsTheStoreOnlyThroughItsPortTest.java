package io.esledger.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Analytics reads the event store through its port (streams and the ordered log) and the public
 * view of the event index, never through the store's Elasticsearch internals.
 */
class ReadsTheStoreOnlyThroughItsPortTest {

  @Test
  void analytics_sources_import_nothing_of_the_stores_internals() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      List<String> offending = files.filter(p -> p.toString().endsWith(".java"))
          .flatMap(ReadsTheStoreOnlyThroughItsPortTest::imports)
          .filter(i -> i.contains("io.esledger.infrastructure.eventstore.elasticsearch"))
          .toList();
      assertThat(offending).isEmpty();
    }
  }

  private static Stream<String> imports(Path file) {
    try {
      return Files.readAllLines(file).stream().map(String::strip).filter(l -> l.startsWith("import "))
          .map(l -> l + "  (" + file.getFileName() + ")");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
