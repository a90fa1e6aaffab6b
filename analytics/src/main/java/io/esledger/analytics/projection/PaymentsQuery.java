package io.esledger.analytics.projection;

import static io.esledger.analytics.projection.PaymentFields.*;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.esledger.infrastructure.elasticsearch.ElasticsearchFailures;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;

/** Lists payments from the read model, most recently updated first. */
public final class PaymentsQuery {

  private final ElasticsearchClient client;
  private final PaymentsIndex index;

  public PaymentsQuery(ElasticsearchClient client, PaymentsIndex index) {
    this.client = client;
    this.index = index;
  }

  public PaymentPage search(PaymentFilter filter, int offset, int size) {
    if (!index.keyedByOrganization()) {
      throw new ReadModelRebuildingException("the payments read model is being rebuilt (an index made by an earlier "
          + "version keyed rows by payment id alone); retry in a moment, or follow projectionStatus");
    }
    try {
      SearchResponse<ObjectNode> response = client.search(s -> s
              .index(index.alias())
              .query(q -> q.bool(b -> filters(b, filter)))
              .sort(o -> o.field(f -> f.field(UPDATED_AT).order(SortOrder.Desc)))
              .sort(o -> o.field(f -> f.field(PAYMENT_ID).order(SortOrder.Asc)))
              .from(offset)
              .size(size)
              .trackTotalHits(t -> t.enabled(true)),
          ObjectNode.class);
      return new PaymentPage(response.hits().total() == null ? 0 : response.hits().total().value(),
          response.hits().hits().stream().map(h -> summary(h.source())).toList());
    } catch (IOException | RuntimeException e) {
      throw ElasticsearchFailures.unavailable("list payments", e);
    }
  }

  /** The read model cannot be read until a rebuild has finished. */
  public static final class ReadModelRebuildingException extends RuntimeException {
    public ReadModelRebuildingException(String message) {
      super(message);
    }
  }

  private static BoolQuery.Builder filters(BoolQuery.Builder bool, PaymentFilter filter) {
    term(bool, ORGANIZATION_ID, filter.organizationId());
    term(bool, USER_ID, filter.userId());
    term(bool, STATUS, filter.status());
    term(bool, CURRENCY, filter.currency());
    return bool;
  }

  private static void term(BoolQuery.Builder bool, String field, String value) {
    if (value != null) {
      bool.filter(f -> f.term(t -> t.field(field).value(value)));
    }
  }

  static PaymentSummary summary(JsonNode doc) {
    return new PaymentSummary(text(doc, PAYMENT_ID), text(doc, STATUS), decimal(doc, AMOUNT), text(doc, CURRENCY),
        decimal(doc, CAPTURED), decimal(doc, REFUNDED), decimal(doc, NET), text(doc, FAILURE_REASON),
        text(doc, ORGANIZATION_ID), text(doc, USER_ID), doc.path(VERSION).asInt(),
        Instant.parse(doc.path(UPDATED_AT).asText()));
  }

  /** Amounts are stored as exact decimal strings; rows written before a field existed lack it (null). */
  private static BigDecimal decimal(JsonNode doc, String field) {
    String value = text(doc, field);
    return value == null ? null : new BigDecimal(value);
  }

  private static String text(JsonNode doc, String field) {
    JsonNode value = doc.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
