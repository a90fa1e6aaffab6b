package io.esledger.interfaces.graphql;

import static io.esledger.interfaces.graphql.errors.Errors.translated;

import io.esledger.analytics.EventAnalytics;
import io.esledger.analytics.cache.AnswerCache;
import io.esledger.analytics.consistency.ReadConsistency;
import io.esledger.analytics.search.EventFilter;
import io.esledger.interfaces.graphql.Buckets.DateBucketView;
import io.esledger.interfaces.graphql.EventViews.CacheStatisticsView;
import io.esledger.interfaces.graphql.EventViews.EventHeatmapView;
import io.esledger.interfaces.graphql.EventViews.EventPageView;
import io.esledger.interfaces.graphql.EventViews.EventStatisticsView;
import io.esledger.interfaces.graphql.errors.ApiException;
import io.esledger.interfaces.graphql.security.Caller;
import io.esledger.interfaces.graphql.security.Callers;
import io.esledger.interfaces.graphql.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/**
 * Event search and analytics. Near-real-time (about 1 s behind) unless consistentWith carries
 * tokens from mutation receipts; statistics, trends and heatmaps are cached for 5 minutes, but
 * never in a way that hides a write asked for with consistentWith. Every query needs {@code payments:read}
 * and answers only for the caller's organization (operators: any).
 */
@GraphQLApi
@ApplicationScoped
public class EventQueriesApi {

  private static final String PAYMENT = "Payment";

  @Inject EventAnalytics analytics;
  @Inject ReadConsistency consistency;
  @Inject Callers callers;

  @Query
  @Description("Events of any aggregate type, newest first")
  public @NonNull EventPageView searchEvents(EventFilterInput filter, PageInput page, List<String> consistentWith)
      throws ApiException {
    String organization = scope(filter);
    return translated("searchEvents", () -> EventPageView.of(analytics.search(organization,
        EventFilterInput.toFilter(filter), PageInput.toRequest(page), Tokens.valid(consistentWith))));
  }

  @Query
  @Description("Payment events (aggregateType Payment), newest first")
  public @NonNull EventPageView searchPaymentEvents(EventFilterInput filter, PageInput page,
      List<String> consistentWith) throws ApiException {
    String organization = scope(filter);
    return translated("searchPaymentEvents", () -> EventPageView.of(analytics.search(organization,
        EventFilterInput.toFilter(filter).withAggregateType(PAYMENT), PageInput.toRequest(page),
        Tokens.valid(consistentWith))));
  }

  @Query
  @Description("Events of one type, newest first, at most 1,000")
  public @NonNull List<@NonNull StoredEventView> eventsByType(@NonNull String eventType, OffsetDateTime from,
      OffsetDateTime to, List<String> consistentWith) throws ApiException {
    String organization = scope(null);
    return translated("eventsByType", () -> analytics.byType(organization, eventType, Dates.instant(from), Dates.instant(to),
        Tokens.valid(consistentWith)).stream().map(StoredEventView::of).toList());
  }

  @Query
  @Description("Full text over event data and metadata, newest first, at most 1,000; the text is never query syntax")
  public @NonNull List<@NonNull StoredEventView> searchEventData(@NonNull String text, EventFilterInput filter,
      List<String> consistentWith) throws ApiException {
    String organization = scope(filter);
    return translated("searchEventData", () -> analytics.searchData(organization, text, EventFilterInput.toFilter(filter),
        Tokens.valid(consistentWith)).stream().map(StoredEventView::of).toList());
  }

  @Query
  @Description("Totals of one event type in an inclusive range: per hour (in timeZone, default UTC), top 10 "
      + "organizations and users")
  public @NonNull EventStatisticsView eventStatistics(@NonNull String eventType, @NonNull OffsetDateTime from,
      @NonNull OffsetDateTime to, @DefaultValue("UTC") String timeZone, List<String> consistentWith)
      throws ApiException {
    String organization = scope(null);
    return translated("eventStatistics", () -> EventStatisticsView.of(analytics.statistics(organization, eventType,
        from.toInstant(), to.toInstant(), Dates.zone(timeZone), Tokens.valid(consistentWith))));
  }

  @Query
  @Description("Counts per interval over an inclusive range, empty buckets included; at most 1,000 buckets")
  public @NonNull List<@NonNull DateBucketView> eventTrends(@NonNull String eventType, @NonNull OffsetDateTime from,
      @NonNull OffsetDateTime to, @DefaultValue("DAY") TimeInterval interval, @DefaultValue("UTC") String timeZone,
      List<String> consistentWith) throws ApiException {
    String organization = scope(null);
    return translated("eventTrends", () -> Buckets.dates(analytics.trends(organization, eventType, from.toInstant(),
        to.toInstant(), (interval == null ? TimeInterval.DAY : interval).toSearch(), Dates.zone(timeZone),
        Tokens.valid(consistentWith))));
  }

  @Query
  @Description("Counts per hour, per day and per weekday x hour (7 x 24, Monday first) in timeZone")
  public @NonNull EventHeatmapView eventHeatmap(@NonNull String eventType, @NonNull OffsetDateTime from,
      @NonNull OffsetDateTime to, @DefaultValue("UTC") String timeZone, List<String> consistentWith)
      throws ApiException {
    String organization = scope(null);
    return translated("eventHeatmap", () -> EventHeatmapView.of(analytics.heatmap(organization, eventType, from.toInstant(),
        to.toInstant(), Dates.zone(timeZone), Tokens.valid(consistentWith))));
  }

  @Query
  @Description("Every event of one correlation id, oldest first (at most 1,000)")
  public @NonNull List<@NonNull StoredEventView> eventCorrelations(@NonNull @Id String correlationId,
      List<String> consistentWith) throws ApiException {
    String organization = scope(null);
    return translated("eventCorrelations", () -> analytics.correlations(organization, correlationId, Tokens.valid(consistentWith))
        .stream().map(StoredEventView::of).toList());
  }

  @Query
  @Description("Captures, refunds and the refund rate, failures per reason code and disputes, in an inclusive range "
      + "(the caller's organization; an operator's spans all unless organizationId is given)")
  public @NonNull PaymentOutcomesView paymentOutcomes(@NonNull OffsetDateTime from, @NonNull OffsetDateTime to,
      @Id String organizationId, List<String> consistentWith) throws ApiException {
    Caller caller = callers.require(Role.PAYMENTS_READ);
    String organization = caller.readScope(organizationId);
    return translated("paymentOutcomes", () -> PaymentOutcomesView.of(analytics.paymentOutcomes(organization,
        from.toInstant(), to.toInstant(), Tokens.valid(consistentWith))));
  }

  @Query
  @Description("Hits and misses of the analytics answer cache")
  public @NonNull CacheStatisticsView cacheStatistics() throws ApiException {
    callers.require(Role.OPERATOR);
    AnswerCache cache = analytics.cache();
    long found = cache.hits() + cache.redisHits();
    long all = found + cache.misses();
    return new CacheStatisticsView((int) cache.hits(), (int) cache.redisHits(), (int) cache.misses(), cache.size(),
        cache.redisAvailable(), (int) cache.redisFailures(), all == 0 ? 0 : (double) found / all, (int) consistency.refreshesCaused());
  }

  /**
   * The organization a query answers for (needs {@code payments:read}): the caller's own; an operator's
   * spans every organization unless the filter names one. A filter naming another organization is refused.
   */
  private String scope(EventFilterInput filter) throws ApiException {
    Caller caller = callers.require(Role.PAYMENTS_READ);
    return caller.readScope(filter == null ? null : filter.organizationId());
  }
}
