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

  static String markdown(String scale, String args, List<StoreBenchmarks.Row> rows) {
    StringBuilder md = new StringBuilder();
    md.append("### Event store vs raw Elasticsearch, scale `").append(scale).append("` — ").append(Instant.now()).append("\n\n");
    md.append("- machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
        .append(System.getProperty("java.version")).append(", client JVM flags: ")
        .append(String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments())).append("\n");
    md.append("- command: `StoreBenchmarks ").append(args).append("` (see docs/benchmarks.md)\n");
    md.append("- each figure: median of 3 runs after a warm-up run (spread min–max); raw = the same documents,")
        .append(" same client, same node, measured in the same run\n\n");
    md.append("| id | what | event store | raw Elasticsearch | ratio | target |\n|---|---|---|---|---|---|\n");
    for (StoreBenchmarks.Row r : rows) {
      md.append("| ").append(r.id()).append(" | ").append(r.what()).append(" | ").append(r.store()).append(" | ")
          .append(r.raw()).append(" | ").append(r.ratio()).append(" | ").append(r.target()).append(" |\n");
    }
    return md.toString();
  }
}
