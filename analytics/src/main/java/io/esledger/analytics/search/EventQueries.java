package io.esledger.analytics.search;

import static io.esledger.analytics.search.SearchFields.ORGANIZATION;
import static io.esledger.analytics.search.SearchFields.SEARCH_TEXT;
import static io.esledger.analytics.search.SearchFields.USER;
import static io.esledger.infrastructure.eventstore.view.EventFields.AGGREGATE_TYPE;
import static io.esledger.infrastructure.eventstore.view.EventFields.EVENT_TYPE;
import static io.esledger.infrastructure.eventstore.view.EventFields.TIMESTAMP;

import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.ZeroTermsQuery;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Query fragments, each shaped like the JSON it becomes. Every condition is a filter: results are sorted, never scored. */
final class EventQueries {

  private EventQueries() {}

  /** {@code {"bool": {"filter": [ ...one clause per given field of the filter ]}}}; no clause matches all. */
  static Query matching(EventFilter filter) {
    return allOf(
        term(AGGREGATE_TYPE, filter.aggregateType()),
        term(EVENT_TYPE, filter.eventType()),
        term(ORGANIZATION, filter.organizationId()),
        term(USER, filter.userId()),
        within(filter.range()),
        text(filter.text()));
  }

  @SafeVarargs
  static Query allOf(Optional<Query>... clauses) {
    List<Query> given = Stream.of(clauses).flatMap(Optional::stream).toList();
    return Query.of(q -> q
        .bool(b -> b
            .filter(given)));
  }

  /** {@code {"term": {field: value}}} on a keyword field: exact, case-sensitive. */
  static Optional<Query> term(String field, String value) {
    return Optional.ofNullable(value).map(v -> Query.of(q -> q
        .term(t -> t
            .field(field)
            .value(v))));
  }

  /** {@code {"range": {"timestamp": {"gte": from, "lte": to}}}}: both ends inclusive, either may be open. */
  static Optional<Query> within(TimeRange range) {
    if (range.isOpen()) {
      return Optional.empty();
    }
    return Optional.of(Query.of(q -> q
        .range(r -> r
            .date(d -> {
              d.field(TIMESTAMP);
              Optional.ofNullable(range.from()).ifPresent(from -> d.gte(from.toString()));
              Optional.ofNullable(range.to()).ifPresent(to -> d.lte(to.toString()));
              return d;
            }))));
  }

  /**
   * Free text, taken literally: every word must occur in one value, its tokens in order.
   * <pre>{"bool": {"filter": [
   *   {"match": {"searchText": {"query": text, "operator": "and", "lenient": true}}},
   *   {"match_phrase": {"searchText": {"query": word, "zero_terms_query": "all"}}}, ... one per word ]}}</pre>
   * No query syntax is parsed ({@code OR}, quotes, {@code *:*} are just words), so no text can fail.
   * The match guards against a text with no token at all (e.g. {@code ")(*"}), which then finds nothing;
   * a phrase per word keeps {@code org-1} from matching {@code org-2} plus {@code user-1}.
   */
  static Optional<Query> text(String text) {
    if (text == null) {
      return Optional.empty();
    }
    List<Query> words = Words.of(text).stream().map(EventQueries::asWritten).toList();
    return Optional.of(Query.of(q -> q
        .bool(b -> b
            .filter(f -> f
                .match(m -> m
                    .field(SEARCH_TEXT)
                    .query(text)
                    .operator(Operator.And)
                    .lenient(true)))
            .filter(words))));
  }

  private static Query asWritten(String word) {
    return Query.of(q -> q
        .matchPhrase(p -> p
            .field(SEARCH_TEXT)
            .query(word)
            .zeroTermsQuery(ZeroTermsQuery.All)));
  }
}
