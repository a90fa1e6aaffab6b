package io.esledger.interfaces.graphql;

import io.esledger.analytics.search.EventHeatmap;
import io.esledger.analytics.search.EventPage;
import io.esledger.analytics.search.EventStatistics;
import io.esledger.interfaces.graphql.Buckets.DateBucketView;
import io.esledger.interfaces.graphql.Buckets.TermBucketView;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** Output types of the event queries. */
final class EventViews {

  private EventViews() {}

  @Type("EventPage")
  @Description("totalIsExact is false when more than 10,000 events match (total is then a lower bound)")
  public record EventPageView(int total, boolean totalIsExact, @NonNull List<@NonNull StoredEventView> items) {
    static EventPageView of(EventPage page) {
      return new EventPageView((int) page.total(), page.totalIsExact(),
          page.items().stream().map(StoredEventView::of).toList());
    }
  }

  @Type("EventStatistics")
  public record EventStatisticsView(int total, @NonNull List<@NonNull DateBucketView> byHour,
      @NonNull List<@NonNull TermBucketView> byOrganization, @NonNull List<@NonNull TermBucketView> byUser) {
    static EventStatisticsView of(EventStatistics s) {
      return new EventStatisticsView((int) s.total(), Buckets.dates(s.byHour()), Buckets.terms(s.byOrganization()),
          Buckets.terms(s.byUser()));
    }
  }

  @Type("EventHeatmap")
  @Description("weekdayHour: 7 rows (Monday first) of 24 hourly counts, in the requested time zone")
  public record EventHeatmapView(@NonNull List<@NonNull DateBucketView> byHour,
      @NonNull List<@NonNull DateBucketView> byDay, @NonNull List<@NonNull List<@NonNull Integer>> weekdayHour) {
    static EventHeatmapView of(EventHeatmap h) {
      List<List<Integer>> matrix = Arrays.stream(h.weekdayHour())
          .map(row -> Arrays.stream(row).mapToObj(c -> (int) c).toList())
          .toList();
      return new EventHeatmapView(Buckets.dates(h.byHour()), Buckets.dates(h.byDay()), matrix);
    }
  }

  @Type("CacheStatistics")
  @Description("The analytics answer cache: hits from the in-process level, hits from Redis (when configured), "
      + "misses; hitRatio is (hits + redisHits) / all lookups; redisFailures counts calls to Redis that failed or "
      + "were refused while its circuit breaker was open (each one a miss, never a failed query); "
      + "consistencyRefreshes counts the on-demand refreshes that consistentWith caused (their cost to the cluster)")
  public record CacheStatisticsView(int hits, int redisHits, int misses, int entries, boolean redisAvailable,
      int redisFailures, double hitRatio, int consistencyRefreshes) {}
}
