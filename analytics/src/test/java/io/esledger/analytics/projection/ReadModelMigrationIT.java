package io.esledger.analytics.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.esledger.application.eventstore.EventMetadata;
import io.esledger.application.eventstore.ExpectedVersion;
import io.esledger.application.eventstore.NewEvent;
import io.esledger.application.eventstore.StreamId;
import io.esledger.infrastructure.elasticsearch.ElasticsearchClients;
import io.esledger.infrastructure.elasticsearch.ElasticsearchSettings;
import io.esledger.infrastructure.eventstore.elasticsearch.ElasticsearchEventStore;
import io.esledger.infrastructure.eventstore.elasticsearch.EventIndex;
import io.esledger.infrastructure.serialization.JsonbPaymentEventSerializer;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An upgrade over a read model made by an earlier version, whose rows were keyed by the payment id
 * alone (so two organizations using one id shared a row): the old index is never read — queries
 * are refused with a coded error — and the instance running the projection rebuilds it by itself
 * into an index keyed by organization and payment id, after which each organization has its row.
 */
class ReadModelMigrationIT {

  private final Clock clock = Clock.systemUTC();
  private final String prefix = "mig-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT) + "-";
  private ElasticsearchSettings settings;
  private ElasticsearchClient client;
  private EventIndex events;
  private ElasticsearchEventStore store;
  private PaymentsReadModel readModel;

  @BeforeEach
  void connect() {
    settings = ElasticsearchSettings.local("http://127.0.0.1:" + System.getProperty("es.http.port", "9200"), prefix);
    client = ElasticsearchClients.create(settings);
    events = new EventIndex(client, settings);
    store = new ElasticsearchEventStore(client, events, r -> {});
  }

  @AfterEach
  void disconnect() throws IOException {
    if (readModel != null) {
      readModel.close();
    }
    store.close();
    List<String> ours = new ArrayList<>(client.indices().get(g -> g.index(prefix + "*")).result().keySet());
    if (!ours.isEmpty()) {
      client.indices().delete(d -> d.index(ours).ignoreUnavailable(true));
    }
    client._transport().close();
  }

  private void process(String organization, String paymentId, String amount) {
    String data = "{\"paymentId\":\"" + paymentId + "\",\"amount\":\"" + amount
        + "\",\"currency\":\"EUR\",\"processedAt\":\"2026-03-02T10:00:00Z\"}";
    store.append(new StreamId("Payment", organization + "/" + paymentId), ExpectedVersion.NO_STREAM,
        List.of(new NewEvent(UUID.randomUUID().toString(), "PaymentProcessed", data, Instant.now(),
            new EventMetadata("c", "c", organization, "user-1", null))));
  }

  /** The index an earlier version made: today's fields, no row-key mark, one row keyed by the bare id. */
  private void earlierVersionsIndex() throws IOException {
    String alias = prefix + "payments";
    String mapping;
    try (InputStream in = PaymentsIndex.class.getResourceAsStream("payments-mappings.json")) {
      mapping = new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replaceAll("\"_meta\"\\s*:\\s*\\{[^}]*\\},", "");
    }
    assertThat(mapping).doesNotContain("_meta");
    String body = mapping;
    client.indices().create(c -> c.index(alias + "-initial").settings(s -> s.numberOfShards("1").numberOfReplicas("0"))
        .mappings(m -> m.withJson(new StringReader(body))));
    client.indices().updateAliases(u -> u.actions(a -> a.add(add -> add.index(alias + "-initial").alias(alias))));
    client.index(i -> i.index(alias).id("shared").document(Map.of("paymentId", "shared", "status", "PROCESSED",
        "organizationId", "org-b", "version", 1, "updatedAt", Instant.now().toString())).refresh(
        co.elastic.clients.elasticsearch._types.Refresh.True));
  }

  @Test
  void an_index_keyed_by_payment_id_alone_is_refused_then_rebuilt_by_the_projection() throws Exception {
    process("org-a", "shared", "10.00");
    process("org-b", "shared", "20.00");
    process("org-a", "own", "30.00");
    earlierVersionsIndex();

    readModel = new PaymentsReadModel(client, settings, events, store, new JsonbPaymentEventSerializer(), clock);
    assertThatThrownBy(() -> readModel.query().search(PaymentFilter.none(), 0, 100))
        .as("the old rows are never served").isInstanceOf(PaymentsQuery.ReadModelRebuildingException.class);

    readModel.start(); // takes the projection's lease, sees the old layout, rebuilds
    PaymentPage page = null;
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (page == null) {
      try {
        page = readModel.query().search(PaymentFilter.none(), 0, 100);
      } catch (PaymentsQuery.ReadModelRebuildingException stillRebuilding) {
        assertThat(System.nanoTime()).as("rebuilt within 60 s: " + readModel.rebuild().progress()).isLessThan(deadline);
        Thread.sleep(100);
      }
    }

    // the alias moved before the rebuild reports itself done; it does so right after
    while (!"DONE".equals(readModel.rebuild().progress().state())) {
      assertThat(System.nanoTime()).as("rebuild done: " + readModel.rebuild().progress()).isLessThan(deadline);
      Thread.sleep(50);
    }
    Map<String, List<String>> byOrganization = page.items().stream().collect(Collectors.groupingBy(
        PaymentSummary::organizationId, Collectors.mapping(PaymentSummary::paymentId, Collectors.toList())));
    assertThat(byOrganization).containsOnlyKeys("org-a", "org-b");
    assertThat(byOrganization.get("org-a")).containsExactlyInAnyOrder("shared", "own");
    assertThat(byOrganization.get("org-b")).containsExactly("shared");
    assertThat(page.items()).filteredOn(r -> r.organizationId().equals("org-b")).singleElement()
        .extracting(r -> r.amount().toPlainString()).isEqualTo("20.00");
    List<String> behindAlias = new ArrayList<>(client.indices().getAlias(g -> g.name(prefix + "payments")).result().keySet());
    assertThat(behindAlias).as("the old index is gone").doesNotContain(prefix + "payments-initial");
  }
}
