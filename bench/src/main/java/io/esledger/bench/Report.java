package io.esledger.bench;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/** The harness's Markdown: what ran, where, with what, and the table. */
final class Report {

  private Report() {}

  static String ms(Histogram micros, double percentile) {
    return String.format(Locale.ROOT, "%.2f", micros.getValueAtPercentile(percentile) / 1000.0);
  }

  /** One row of a table: what was measured, the product's figure, raw Elasticsearch's, their ratio, the target. */
  record Row(String id, String what, String measured, String raw, String ratio, String target) {}

  /**
   * A harness's section: title with the time, the machine and this JVM's flags, the command, how the
   * figures were taken ({@code method}, one bullet each), the table, then notes.
   */
  static String markdown(String title, String command, List<String> method, String measuredColumn, List<Row> rows,
      List<String> notes) {
    StringBuilder md = new StringBuilder();
    md.append("### ").append(title).append(" — ").append(Instant.now()).append("\n\n");
    md.append("- machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
        .append(System.getProperty("java.version")).append(", client JVM flags: ")
        .append(String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments())).append("\n");
    md.append("- command: `").append(command).append("` (see docs/benchmarks.md)\n");
    method.forEach(m -> md.append("- ").append(m).append("\n"));
    md.append("\n| id | what | ").append(measuredColumn).append(" | raw Elasticsearch | ratio | target |\n")
        .append("|---|---|---|---|---|---|\n");
    for (Row r : rows) {
      md.append("| ").append(r.id()).append(" | ").append(r.what()).append(" | ").append(r.measured()).append(" | ")
          .append(r.raw()).append(" | ").append(r.ratio()).append(" | ").append(r.target()).append(" |\n");
    }
    notes.forEach(n -> md.append("\n").append(n).append("\n"));
    return md.toString();
  }
}
