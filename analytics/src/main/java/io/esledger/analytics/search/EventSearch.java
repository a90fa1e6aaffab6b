package io.esledger.analytics.search;

import static io.esledger.analytics.search.EventQueries.allOf;
import static io.esledger.analytics.search.EventQueries.matching;
import static io.esledger.analytics.search.EventQueries.term;
import static io.esledger.analytics.search.EventQueries.text;
import static io.esledger.analytics.search.EventQueries.within;
import static io.esledger.analytics.search.QueryLimits.MAX_BUCKETS;
import static io.esledger.analytics.search.QueryLimits.MAX_HOURLY_RANGE;
import static io.esledger.analytics.search.QueryLimits.MAX_RESULTS;
import static io.esledger.analytics.search.SearchFields.ORGANIZATION;
import static io.esledger.infrastructure.eventstore.view.EventFields.CORRELATION_ID;
import static io.esledger.infrastructure.eventstore.view.EventFields.AGGREGATE_TYPE;
import static io.esledger.infrastructure.eventstore.view.EventFields.EVENT_DATA;
import static io.esledger.infrastructure.eventstore.view.EventFields.EVENT_TYPE;
import static io.esledger.infrastructure.eventstore.view.EventFields.STREAM_ID;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregationSource;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.TotalHitsRelation;
import co.elastic.clients.util.ObjectBuilder;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.esledger.application.eventstore.RecordedEvent;
import io.esledger.domain.model.payment.DisputeLost;
import io.esledger.domain.model.payment.DisputeOpened;
import io.esledger.domain.model.payment.DisputeWon;
import io.esledger.domain.model.payment.PaymentCaptured;
import io.esledger.domain.model.payment.PaymentEvent;
import io.esledger.domain.model.payment.PaymentFailed;
import io.esledger.domain.model.payment.PaymentProcessed;
import io.esledger.domain.model.payment.PaymentRefunded;
import io.esledger.infrastructure.elasticsearch.ElasticsearchFailures;
import io.esledger.infrastructure.eventstore.view.EventIndexView;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Searches and analytics over the event index, near-real-time (what the index has refreshed).
 * Each method validates its input first and throws {@link QueryRefusedException} without sending
 * anything; an unreachable or refusing Elasticsearch is an {@code EventStoreUnavailableException}.
 * Limits: {@link QueryLimits}, {@link PageRequest}. A null zone means UTC.
 */
public class EventSearch {

  private static final String BY_HOUR = "byHour";
  private static final String BY_DAY = "byDay";
  private static final String BY_ORGANIZATION = "byOrganization";
  private static final String BY_USER = "byUser";
  private static final String TRENDS = "trends";
  private static final String CAPTURED = "captured";
  private static final String REFUNDED = "refunded";
  private static final String FAILED = "failed";
  private static final String REASONS = "reasons";
  private static final String PAYMENTS = "payments";
  private static final String BY_TYPE = "byType";
  private static final String PAIRS = "pairs";
  private static final String CURRENCY = "currency";
  private static final String AMOUNT = "amount";
  private static final int AMOUNT_PAGE = 1_000;
  /** At most this many pages of distinct (currency, amount) pairs are summed per answer. */
  private static final int MAX_AMOUNT_PAGES = 20;

  private final ElasticsearchClient client;
  private final EventIndexView index;
  private final EventHits hits;

  public EventSearch(ElasticsearchClient client, EventIndexView index) {
    this.client = client;
    this.index = index;
    this.hits = new EventHits(index);
  }

  /**
   * A page of events of any aggregate type matching the filter (null: all), newest first.
   * Every method takes the organization it answers for first: null means every organization
   * (operators); otherwise nothing of another organization is searched, counted or returned.
   */
  public EventPage search(String organization, EventFilter filter, PageRequest page) {
    EventFilter given = filter == null ? EventFilter.none() : filter;
    PageRequest window = page == null ? PageRequest.first() : page;
    SearchResponse<ObjectNode> response = send("search events", s -> s
        .index(index.name())
        .query(allOf(Optional.of(matching(given)), term(ORGANIZATION, organization)))
        .sort(EventHits.newestFirst())
        .from(window.offset())
        .size(window.size())
        .trackTotalHits(t -> t.count(PageRequest.MAX_WINDOW)));
    var total = response.hits().total();
    return new EventPage(total.value(), total.relation() == TotalHitsRelation.Eq, hits.events(response));
  }

  /** The newest {@link QueryLimits#MAX_RESULTS} events of one type, newest first; either end may be null (open). */
  public List<RecordedEvent> byType(String organization, String eventType, Instant from, Instant to) {
    Inputs.requiredId("eventType", eventType);
    TimeRange range = TimeRange.optional("from", from, "to", to);
    return newest("list events of type " + eventType, allOf(term(EVENT_TYPE, eventType), within(range),
        term(ORGANIZATION, organization)));
  }

  /**
   * The newest {@link QueryLimits#MAX_RESULTS} events whose data strings or metadata ids contain
   * every word of {@code text} (case-insensitive, taken literally), narrowed by the filter (null: none).
   */
  public List<RecordedEvent> searchData(String organization, String text, EventFilter filter) {
    Inputs.requiredText("text", text);
    EventFilter given = filter == null ? EventFilter.none() : filter;
    return newest("search event data", allOf(Optional.of(matching(given)), text(text),
        term(ORGANIZATION, organization)));
  }

  /** Total, every hour of the range, and the top organizations and users, for one event type. */
  public EventStatistics statistics(String organization, String eventType, Instant from, Instant to, ZoneId zone) {
    Inputs.requiredId("eventType", eventType);
    TimeRange range = TimeRange.required("from", from, "to", to).atMost(MAX_HOURLY_RANGE, "to");
    ZoneId in = orUtc(zone);
    SearchResponse<ObjectNode> response = send("compute statistics of " + eventType, s -> s
        .index(index.name())
        .size(0)
        .trackTotalHits(t -> t.enabled(true))
        .query(allOf(term(EVENT_TYPE, eventType), within(range), term(ORGANIZATION, organization)))
        .aggregations(BY_HOUR, EventAggregations.histogram(TimeInterval.HOUR, range, in))
        .aggregations(BY_ORGANIZATION, EventAggregations.top(SearchFields.ORGANIZATION))
        .aggregations(BY_USER, EventAggregations.top(SearchFields.USER)));
    var aggregations = response.aggregations();
    return new EventStatistics(response.hits().total().value(),
        EventAggregations.dateBuckets(aggregations, BY_HOUR),
        EventAggregations.termBuckets(aggregations, BY_ORGANIZATION),
        EventAggregations.termBuckets(aggregations, BY_USER));
  }

  /** Events of one type per interval over the whole range, empty buckets included (at most {@link QueryLimits#MAX_BUCKETS}). */
  public List<DateBucket> trends(String organization, String eventType, Instant from, Instant to,
      TimeInterval interval, ZoneId zone) {
    Inputs.requiredId("eventType", eventType);
    TimeRange range = TimeRange.required("from", from, "to", to);
    if (interval == null) {
      throw new QueryRefusedException("interval", "interval is required");
    }
    ZoneId in = orUtc(zone);
    long buckets = interval.buckets(range.from(), range.to(), in);
    if (buckets > MAX_BUCKETS) {
      throw new QueryRefusedException("interval", "the range holds " + buckets + " " + interval
          + " buckets; at most " + MAX_BUCKETS + " are allowed: choose a wider interval or a shorter range");
    }
    SearchResponse<ObjectNode> response = send("compute trends of " + eventType, s -> s
        .index(index.name())
        .size(0)
        .query(allOf(term(EVENT_TYPE, eventType), within(range), term(ORGANIZATION, organization)))
        .aggregations(TRENDS, EventAggregations.histogram(interval, range, in)));
    return EventAggregations.dateBuckets(response.aggregations(), TRENDS);
  }

  /** Events of one type per hour, per day and per weekday × hour (in {@code zone}) over the range. */
  public EventHeatmap heatmap(String organization, String eventType, Instant from, Instant to, ZoneId zone) {
    Inputs.requiredId("eventType", eventType);
    TimeRange range = TimeRange.required("from", from, "to", to).atMost(MAX_HOURLY_RANGE, "to");
    ZoneId in = orUtc(zone);
    SearchResponse<ObjectNode> response = send("compute the heatmap of " + eventType, s -> s
        .index(index.name())
        .size(0)
        .query(allOf(term(EVENT_TYPE, eventType), within(range), term(ORGANIZATION, organization)))
        .aggregations(BY_HOUR, EventAggregations.histogram(TimeInterval.HOUR, range, in))
        .aggregations(BY_DAY, EventAggregations.histogram(TimeInterval.DAY, range, in)));
    List<DateBucket> byHour = EventAggregations.dateBuckets(response.aggregations(), BY_HOUR);
    return new EventHeatmap(byHour, EventAggregations.dateBuckets(response.aggregations(), BY_DAY),
        WeekdayHours.of(byHour, in));
  }

  /** Captures, refunds (and the refund rate), failures by reason code and disputes in a range: {@link PaymentOutcomes}. */
  public PaymentOutcomes paymentOutcomes(String organization, Instant from, Instant to) {
    TimeRange range = TimeRange.required("from", from, "to", to);
    Query scope = allOf(term(AGGREGATE_TYPE, PaymentEvent.AGGREGATE_TYPE), within(range), term(ORGANIZATION, organization));
    SearchResponse<ObjectNode> response = send("compute payment outcomes", s -> s
        .index(index.name())
        .size(0)
        .query(scope)
        .aggregations(CAPTURED, paymentsWith(PaymentCaptured.TYPE, PaymentProcessed.TYPE))
        .aggregations(REFUNDED, paymentsWith(PaymentRefunded.TYPE))
        .aggregations(FAILED, Aggregation.of(a -> a
            .filter(f -> f.term(t -> t.field(EVENT_TYPE).value(PaymentFailed.TYPE)))
            .aggregations(REASONS, EventAggregations.top(EVENT_DATA + ".reasonCode.keyword"))))
        .aggregations(BY_TYPE, Aggregation.of(a -> a.terms(t -> t.field(EVENT_TYPE).size(50)))));
    var aggregations = response.aggregations();
    long captured = aggregations.get(CAPTURED).filter().aggregations().get(PAYMENTS).cardinality().value();
    long refunded = aggregations.get(REFUNDED).filter().aggregations().get(PAYMENTS).cardinality().value();
    var failed = aggregations.get(FAILED).filter();
    Map<String, Long> byType = new HashMap<>();
    aggregations.get(BY_TYPE).sterms().buckets().array().forEach(b -> byType.put(b.key().stringValue(), b.docCount()));
    Sums capturedMoney = sums(scope, PaymentCaptured.TYPE, PaymentProcessed.TYPE);
    Sums refundedMoney = sums(scope, PaymentRefunded.TYPE);
    Set<String> currencies = new TreeSet<>(capturedMoney.byCurrency().keySet());
    currencies.addAll(refundedMoney.byCurrency().keySet());
    List<PaymentOutcomes.CurrencyVolume> volumes = currencies.stream()
        .map(c -> new PaymentOutcomes.CurrencyVolume(c, capturedMoney.byCurrency().getOrDefault(c, BigDecimal.ZERO),
            refundedMoney.byCurrency().getOrDefault(c, BigDecimal.ZERO), capturedMoney.complete() && refundedMoney.complete()))
        .toList();
    return new PaymentOutcomes(captured, refunded, captured == 0 ? 0 : (double) refunded / captured, failed.docCount(),
        EventAggregations.termBuckets(failed.aggregations(), REASONS), byType.getOrDefault(DisputeOpened.TYPE, 0L),
        byType.getOrDefault(DisputeWon.TYPE, 0L), byType.getOrDefault(DisputeLost.TYPE, 0L), volumes);
  }

  /** Money per currency, and whether every distinct amount was summed. */
  private record Sums(Map<String, BigDecimal> byCurrency, boolean complete) {}

  /**
   * The exact sum of the amounts of events of these types, per currency: amounts are stored as
   * decimal strings, so each distinct (currency, amount) pair is counted (a composite aggregation,
   * paged) and multiplied out as a decimal here — never summed as doubles.
   */
  private Sums sums(Query scope, String... eventTypes) {
    Map<String, BigDecimal> sums = new TreeMap<>();
    Map<String, FieldValue> after = null;
    for (int page = 0; page < MAX_AMOUNT_PAGES; page++) {
      Map<String, FieldValue> from = after;
      SearchResponse<ObjectNode> response = send("sum payment amounts", s -> s
          .index(index.name())
          .size(0)
          .query(q -> q.bool(b -> b.filter(scope).filter(ofTypes(eventTypes))))
          .aggregations(PAIRS, a -> a.composite(c -> {
            c.size(AMOUNT_PAGE)
                .sources(Map.of(CURRENCY, source(EVENT_DATA + ".currency.keyword")),
                    Map.of(AMOUNT, source(EVENT_DATA + ".amount.keyword")));
            if (from != null) {
              c.after(from);
            }
            return c;
          })));
      var composite = response.aggregations().get(PAIRS).composite();
      var buckets = composite.buckets().array();
      for (var bucket : buckets) {
        try {
          BigDecimal amount = new BigDecimal(bucket.key().get(AMOUNT).stringValue());
          sums.merge(bucket.key().get(CURRENCY).stringValue(), amount.multiply(BigDecimal.valueOf(bucket.docCount())),
              BigDecimal::add);
        } catch (NumberFormatException | IllegalStateException notAnAmount) {
          // not a decimal string: not money this query can sum
        }
      }
      if (buckets.size() < AMOUNT_PAGE || composite.afterKey() == null || composite.afterKey().isEmpty()) {
        return new Sums(sums, true);
      }
      after = composite.afterKey();
    }
    return new Sums(sums, false);
  }

  private static CompositeAggregationSource source(String field) {
    return CompositeAggregationSource.of(s -> s
        .terms(t -> t.field(field)));
  }

  /** Events of any of these types. */
  private static Query ofTypes(String... eventTypes) {
    return Query.of(q -> q.terms(t -> t.field(EVENT_TYPE).terms(v -> v.value(
        Arrays.stream(eventTypes).map(FieldValue::of).toList()))));
  }

  /** Distinct payments (streams) with an event of one of these types. */
  private static Aggregation paymentsWith(String... eventTypes) {
    return Aggregation.of(a -> a
        .filter(ofTypes(eventTypes))
        .aggregations(PAYMENTS, Aggregation.of(c -> c.cardinality(n -> n.field(STREAM_ID).precisionThreshold(40_000)))));
  }

  /** The first {@link QueryLimits#MAX_RESULTS} events of a correlation, oldest first, across all streams. */
  public List<RecordedEvent> correlations(String organization, String correlationId) {
    Inputs.requiredId("correlationId", correlationId);
    SearchResponse<ObjectNode> response = send("trace correlation " + correlationId, s -> s
        .index(index.name())
        .query(allOf(term(CORRELATION_ID, correlationId), term(ORGANIZATION, organization)))
        .sort(EventHits.oldestFirst())
        .size(MAX_RESULTS));
    return hits.events(response);
  }

  private List<RecordedEvent> newest(String action, Query query) {
    SearchResponse<ObjectNode> response = send(action, s -> s
        .index(index.name())
        .query(query)
        .sort(EventHits.newestFirst())
        .size(MAX_RESULTS));
    return hits.events(response);
  }

  private SearchResponse<ObjectNode> send(
      String action, Function<SearchRequest.Builder, ObjectBuilder<SearchRequest>> request) {
    // a query before the first append finds an empty index, not a missing one
    index.ensureExists();
    try {
      return client.search(request, ObjectNode.class);
    } catch (IOException | ElasticsearchException e) {
      throw ElasticsearchFailures.unavailable(action, e);
    }
  }

  private static ZoneId orUtc(ZoneId zone) {
    return zone == null ? ZoneOffset.UTC : zone;
  }
}
