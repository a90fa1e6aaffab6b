package io.esledger.analytics;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.esledger.analytics.cache.AnswerCache;
import io.esledger.analytics.cache.GuardedRedis;
import io.esledger.analytics.consistency.ReadConsistency;
import io.esledger.analytics.search.DateBucket;
import io.esledger.analytics.search.EventFilter;
import io.esledger.analytics.search.EventHeatmap;
import io.esledger.analytics.search.EventPage;
import io.esledger.analytics.search.EventSearch;
import io.esledger.analytics.search.EventStatistics;
import io.esledger.analytics.search.PageRequest;
import io.esledger.analytics.search.PaymentOutcomes;
import io.esledger.analytics.search.TimeInterval;
import io.esledger.application.eventstore.EventStoreOutageException;
import io.esledger.application.eventstore.LogPosition;
import io.esledger.application.eventstore.RecordedEvent;
import io.esledger.infrastructure.eventstore.view.EventIndexView;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

/**
 * The query side's entry point: event search and analytics, honouring consistency tokens, with
 * the aggregations (statistics, trends, heatmaps) cached for {@value #TTL_MINUTES} minutes.
 *
 * <p>A circuit breaker (MicroProfile Fault Tolerance, one per query method) counts outages only —
 * Elasticsearch unreachable or not answering in time, never a refusal of one request: when half of
 * the last 6 queries of a kind met an outage, that kind is refused at once for 5 s (the caller gets
 * {@code STORE_UNAVAILABLE} without waiting for a timeout, and no server thread waits on a hung
 * cluster), then one query tries again. Configurable, e.g.
 * {@code io.esledger.analytics.EventAnalytics/CircuitBreaker/delay=10}.
 */
@ApplicationScoped
@CircuitBreaker(failOn = EventStoreOutageException.class, requestVolumeThreshold = 6, failureRatio = 0.5,
    delay = 5, delayUnit = ChronoUnit.SECONDS, successThreshold = 1)
public class EventAnalytics {

  static final int TTL_MINUTES = 5;

  @Inject ElasticsearchClient client;
  @Inject EventIndexView index;
  @Inject ReadConsistency consistency;
  @Inject Clock clock;
  @Inject GuardedRedis redis;

  private EventSearch search;
  private AnswerCache cache;

  @PostConstruct
  void start() {
    search = new EventSearch(client, index);
    // the injected reference, so that every call to Redis passes the container's fault tolerance
    cache = new AnswerCache(clock, Duration.ofMinutes(TTL_MINUTES), 500_000,
        redis.configured() ? Optional.of(redis) : Optional.empty());
  }

  // Each query answers for one organization (null: every organization, for operators); cached answers
  // are keyed by it, so no organization is ever served another's figures.

  public EventPage search(String organization, EventFilter filter, PageRequest page, List<String> tokens) {
    consistency.events(tokens);
    return search.search(organization, filter, page);
  }

  public List<RecordedEvent> byType(String organization, String eventType, Instant from, Instant to,
      List<String> tokens) {
    consistency.events(tokens);
    return search.byType(organization, eventType, from, to);
  }

  public List<RecordedEvent> searchData(String organization, String text, EventFilter filter, List<String> tokens) {
    consistency.events(tokens);
    return search.searchData(organization, text, filter);
  }

  public List<RecordedEvent> correlations(String organization, String correlationId, List<String> tokens) {
    consistency.events(tokens);
    return search.correlations(organization, correlationId);
  }

  public EventStatistics statistics(String organization, String eventType, Instant from, Instant to, ZoneId zone,
      List<String> tokens) {
    return cached(key("statistics", organization, eventType, from, to, zone), tokens, EventStatistics.class,
        () -> search.statistics(organization, eventType, from, to, zone));
  }

  public List<DateBucket> trends(String organization, String eventType, Instant from, Instant to,
      TimeInterval interval, ZoneId zone, List<String> tokens) {
    return cached(key("trends", organization, eventType, from, to, zone, String.valueOf(interval)), tokens, Trend.class,
        () -> new Trend(search.trends(organization, eventType, from, to, interval, zone))).buckets();
  }

  public EventHeatmap heatmap(String organization, String eventType, Instant from, Instant to, ZoneId zone,
      List<String> tokens) {
    return cached(key("heatmap", organization, eventType, from, to, zone), tokens, EventHeatmap.class,
        () -> search.heatmap(organization, eventType, from, to, zone));
  }

  public PaymentOutcomes paymentOutcomes(String organization, Instant from, Instant to, List<String> tokens) {
    return cached(key("outcomes", organization, "Payment", from, to, ZoneId.of("UTC")), tokens, PaymentOutcomes.class,
        () -> search.paymentOutcomes(organization, from, to));
  }

  /** An aggregation's answer, from the cache when one there reflects the writes behind the tokens. */
  private <T> T cached(String key, List<String> tokens, Class<T> type, java.util.function.Supplier<T> compute) {
    LogPosition needs = consistency.events(tokens);
    return cache.get(key, needs, consistency::searchable, type, compute);
  }

  public AnswerCache cache() {
    return cache;
  }

  /** A trend as one cacheable value. */
  public record Trend(List<DateBucket> buckets) {}

  /**
   * The event index (so deployments sharing one Redis never meet), the organization ("*" for all), then
   * the query: one organization's answers never serve another. Every part is written with its length
   * before it, so no value (an event type, a time zone) can end one part and forge the next.
   */
  private String key(String query, String organization, String eventType, Instant from, Instant to, ZoneId zone,
      String... more) {
    String[] parts = new String[7 + more.length];
    parts[0] = index.name() + "/" + consistency.logId(); // answers of a replaced log are never served
    parts[1] = organization == null ? "*" : "org:" + organization;
    parts[2] = query;
    parts[3] = eventType;
    parts[4] = String.valueOf(from);
    parts[5] = String.valueOf(to);
    parts[6] = zone.getId();
    System.arraycopy(more, 0, parts, 7, more.length);
    return cacheKey(parts);
  }

  /** The parts, each after its length: two different lists of parts never make the same key. */
  static String cacheKey(String... parts) {
    StringBuilder key = new StringBuilder(128);
    for (String part : parts) {
      String text = String.valueOf(part);
      key.append(text.length()).append(':').append(text).append('|');
    }
    return key.toString();
  }
}
