package io.esledger.analytics.projection;

import static io.esledger.analytics.projection.PaymentFields.*;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.esledger.infrastructure.elasticsearch.ElasticsearchClients;
import io.esledger.infrastructure.elasticsearch.ElasticsearchFailures;
import io.esledger.infrastructure.elasticsearch.ElasticsearchSettings;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The {@code payments} read model's storage: an alias over one concrete index, so a rebuild can
 * fill a fresh index and swap the alias in one step. Documents are written with external
 * versioning (the stream version): an older or repeated write is refused by Elasticsearch itself.
 */
public final class PaymentsIndex {

  private static final Logger LOG = Logger.getLogger(PaymentsIndex.class.getName());

  private final ElasticsearchClient client;
  private final ElasticsearchSettings settings;
  private final String alias;
  private volatile boolean ready;
  /**
   * Whether the index behind the alias keys rows by organization and payment id. An index made by an
   * earlier version keyed them by payment id alone, so two organizations using one payment id shared
   * a row: such an index is not read ({@link PaymentsQuery} refuses) until a rebuild replaced it.
   */
  private volatile boolean keyedByOrganization;

  /** The mapping's {@code _meta} entry that marks an index whose rows are keyed by organization. */
  static final String ROW_KEY = "rowKey";
  static final String ROW_KEY_VALUE = "organizationId/paymentId";

  public PaymentsIndex(ElasticsearchClient client, ElasticsearchSettings settings) {
    this.client = client;
    this.settings = settings;
    this.alias = settings.indexPrefix() + "payments";
  }

  /** The name queries and live writes use. */
  public String alias() {
    return alias;
  }

  /**
   * Creates the read model's first index and its alias if there is no alias yet. Safe when several
   * instances start at once: the first index has a fixed name (a second create is refused and
   * ignored) and adding the alias to it twice is harmless.
   */
  public synchronized void ensureExists() {
    if (ready) {
      return;
    }
    try {
      if (!client.indices().existsAlias(a -> a.name(alias)).value()) {
        String first = alias + "-initial";
        try {
          createConcrete(first, settings.refreshInterval());
        } catch (ElasticsearchException e) {
          if (!"resource_already_exists_exception".equals(e.error().type())) {
            throw e;
          }
        }
        client.indices().updateAliases(u -> u.actions(a -> a.add(add -> add.index(first).alias(alias))));
        keyedByOrganization = readRowKey();
      } else {
        keyedByOrganization = readRowKey();
        if (keyedByOrganization) {
          upgradeMapping();
        } else {
          LOG.warning(() -> "The read model " + alias + " was made by an earlier version that keyed rows by payment id "
              + "alone; it is not read until the projection has rebuilt it (automatically, on the instance that runs "
              + "the projection)");
        }
      }
      client.cluster().health(h -> h.index(alias).waitForStatus(HealthStatus.Yellow).timeout(t -> t.time("30s")));
      ready = true;
    } catch (IOException | RuntimeException e) {
      throw ElasticsearchFailures.unavailable("prepare " + alias, e);
    }
  }

  /**
   * Whether the rows behind the alias are keyed by organization and payment id. While they are not,
   * the answer is read again from Elasticsearch at each call (a rebuild on another instance may
   * have replaced the index since).
   */
  public boolean keyedByOrganization() {
    ensureExists();
    if (!keyedByOrganization) {
      try {
        keyedByOrganization = readRowKey();
      } catch (IOException | RuntimeException e) {
        throw ElasticsearchFailures.unavailable("read the mapping of " + alias, e);
      }
    }
    return keyedByOrganization;
  }

  /** True when every index behind the alias marks its rows as keyed by organization. */
  private boolean readRowKey() throws IOException {
    var mappings = client.indices().getMapping(g -> g.index(alias)).result();
    if (mappings.isEmpty()) {
      return false;
    }
    return mappings.values().stream().allMatch(m -> {
      var meta = m.mappings().meta();
      return meta != null && meta.containsKey(ROW_KEY) && ROW_KEY_VALUE.equals(meta.get(ROW_KEY).to(String.class));
    });
  }

  /**
   * Adds fields this version of the read model has and an index made by an earlier one lacks (a
   * mapping only ever gains fields; the same mapping again changes nothing). Rows written before
   * have no value in them until their payment changes or the projection is rebuilt.
   */
  private void upgradeMapping() throws IOException {
    try (InputStream mappings = PaymentsIndex.class.getResourceAsStream("payments-mappings.json")) {
      ElasticsearchFailures.extendMapping(() -> client.indices().putMapping(p -> p.index(alias).withJson(mappings)),
          reason -> LOG.warning(() -> "The read model " + alias + " has a mapping this version cannot extend ("
              + reason + "); rebuild it (rebuildProjection) to get a fresh one"));
    }
  }

  /** A new, empty concrete index (not yet behind the alias). */
  String createConcrete() throws IOException {
    return createConcrete(settings.refreshInterval());
  }

  /**
   * A new index for a bulk load (a rebuild): no refreshes until {@link #adopt} makes it live, so
   * the load does not pay for segments nobody searches yet.
   */
  String createForBulkLoad() throws IOException {
    return createConcrete("-1");
  }

  private String createConcrete(String refreshInterval) throws IOException {
    return createConcrete(alias + "-" + System.currentTimeMillis(), refreshInterval);
  }

  private String createConcrete(String index, String refreshInterval) throws IOException {
    try (InputStream mappings = PaymentsIndex.class.getResourceAsStream("payments-mappings.json")) {
      client.indices().create(c -> c
          .index(index)
          .settings(s -> s
              .numberOfShards(Integer.toString(settings.shards()))
              .numberOfReplicas(Integer.toString(settings.replicas()))
              .refreshInterval(r -> r.time(refreshInterval)))
          .mappings(m -> m.withJson(mappings)));
    }
    client.cluster().health(h -> h.index(index).waitForStatus(HealthStatus.Yellow).timeout(t -> t.time("30s")));
    return index;
  }

  /**
   * Makes {@code index} the read model: searchable at the configured interval, the alias on it alone,
   * and the indices the alias was on before dropped — last, after {@code step} was told "aliased".
   * Doing it again changes nothing. An index that no longer exists is not adopted (logged).
   */
  void adopt(String index, java.util.function.Consumer<String> step) throws IOException {
    if (!client.indices().exists(e -> e.index(index)).value()) {
      LOG.severe(() -> "The projection's checkpoint names " + index + " as the read model, but there is no such "
          + "index; the read model stays behind " + alias + " (rebuild it)");
      return;
    }
    Set<String> previous = client.indices().existsAlias(a -> a.name(alias)).value()
        ? client.indices().getAlias(g -> g.name(alias)).result().keySet() : Set.of();
    if (!previous.equals(Set.of(index))) {
      client.indices().putSettings(p -> p.index(index)
          .settings(s -> s.refreshInterval(r -> r.time(settings.refreshInterval()))));
      client.indices().refresh(r -> r.index(index));
      client.indices().updateAliases(u -> {
        previous.forEach(old -> u.actions(a -> a.remove(r -> r.index(old).alias(alias))));
        return u.actions(a -> a.add(add -> add.index(index).alias(alias)));
      });
      LOG.info(() -> "The read model " + alias + " is now " + index + " (was " + previous + ")");
    }
    keyedByOrganization = true; // every index this version makes is
    step.accept("aliased");
    for (String old : previous) {
      if (!old.equals(index)) {
        client.indices().delete(d -> d.index(old).ignoreUnavailable(true));
      }
    }
  }

  /** Drops an index a rebuild made and could not hand over. */
  void drop(String index) {
    try {
      client.indices().delete(d -> d.index(index).ignoreUnavailable(true));
    } catch (IOException | RuntimeException e) {
      LOG.warning(() -> "could not delete " + index + " (" + e.getMessage() + "); delete it by hand");
    }
  }

  /**
   * Writes rows to {@code target} (the alias, or a rebuild's index). A row refused because a newer
   * or equal version is there is already applied; any other refusal fails the call, so the caller
   * retries instead of losing it.
   */
  void write(String target, List<PaymentSummary> rows) throws IOException {
    Map<String, String> refused = tryWrite(target, rows);
    if (!refused.isEmpty()) {
      throw new IOException("read model rows refused: " + refused);
    }
  }

  /**
   * As {@link #write}, but returns the rows Elasticsearch refused (row id → reason) instead of
   * failing; a failure of the whole request is still thrown.
   */
  Map<String, String> tryWrite(String target, List<PaymentSummary> rows) throws IOException {
    if (rows.isEmpty()) {
      return Map.of();
    }
    BulkRequest.Builder bulk = new BulkRequest.Builder().index(target);
    for (PaymentSummary row : rows) {
      bulk.operations(op -> op.index(i -> i
          .id(row.rowId())
          .version((long) row.version())
          .versionType(VersionType.External)
          .document(document(row))));
    }
    BulkResponse response = client.bulk(bulk.build());
    Map<String, String> refused = new LinkedHashMap<>();
    for (BulkResponseItem item : response.items()) {
      if (item.error() != null && item.status() != 409) {
        refused.put(item.id(), item.error().reason());
      }
    }
    return refused;
  }

  private ObjectNode document(PaymentSummary row) {
    ObjectNode doc = ElasticsearchClients.objectMapper().createObjectNode();
    doc.put(PAYMENT_ID, row.paymentId());
    doc.put(STATUS, row.status());
    doc.put(AMOUNT, plain(row.amount()));
    doc.put(CURRENCY, row.currency());
    doc.put(CAPTURED, plain(row.capturedAmount()));
    doc.put(REFUNDED, plain(row.refundedAmount()));
    doc.put(NET, plain(row.netAmount()));
    doc.put(FAILURE_REASON, row.failureReason());
    doc.put(ORGANIZATION_ID, row.organizationId());
    doc.put(USER_ID, row.userId());
    doc.put(VERSION, row.version());
    doc.put(UPDATED_AT, row.updatedAt().toString());
    return doc;
  }

  private static String plain(java.math.BigDecimal amount) {
    return amount == null ? null : amount.toPlainString();
  }
}
