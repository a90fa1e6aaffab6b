package io.esledger.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The domain model imports no framework: only java.* and the domain itself. */
class DomainIsFrameworkFreeTest {

  @Test
  void domain_sources_import_only_the_jdk_and_the_domain() throws IOException {
    Path domain = Path.of("src/main/java/io/esledger/domain");
    try (Stream<Path> files = Files.walk(domain)) {
      List<String> offending = files.filter(p -> p.toString().endsWith(".java"))
          .flatMap(DomainIsFrameworkFreeTest::imports)
          .filter(i -> !i.startsWith("import java.") && !i.startsWith("import io.esledger.domain."))
          .toList();
      assertThat(offending).isEmpty();
    }
  }

  private static Stream<String> imports(Path file) {
    try {
      return Files.readAllLines(file).stream().map(String::strip).filter(l -> l.startsWith("import "))
          .map(l -> l.replace("import static ", "import ") + "  (" + file.getFileName() + ")");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
