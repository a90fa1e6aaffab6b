package io.esledger.interfaces.graphql;

import io.esledger.analytics.search.DateBucket;
import io.esledger.analytics.search.TermBucket;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** Bucket views shared by statistics, trends and heatmaps. */
final class Buckets {

  private Buckets() {}

  @Type("DateBucket")
  public record DateBucketView(@NonNull Instant date, int count) {}

  @Type("TermBucket")
  public record TermBucketView(@NonNull String key, int count) {}

  static List<DateBucketView> dates(List<DateBucket> buckets) {
    return buckets.stream().map(b -> new DateBucketView(b.date(), (int) b.count())).toList();
  }

  static List<TermBucketView> terms(List<TermBucket> buckets) {
    return buckets.stream().map(b -> new TermBucketView(b.key(), (int) b.count())).toList();
  }
}
