package io.esledger.analytics.backup;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.esledger.analytics.projection.PaymentFilter;
import io.esledger.analytics.projection.PaymentPage;
import io.esledger.analytics.projection.PaymentsReadModel;
import io.esledger.analytics.search.EventSearch;
import io.esledger.analytics.search.EventStatistics;
import io.esledger.application.eventstore.EventMetadata;
import io.esledger.application.eventstore.ExpectedVersion;
import io.esledger.application.eventstore.NewEvent;
import io.esledger.application.eventstore.RecordedEvent;
import io.esledger.application.eventstore.StreamId;
import io.esledger.esnode.Snapshots;
import io.esledger.infrastructure.elasticsearch.ElasticsearchClients;
import io.esledger.infrastructure.elasticsearch.ElasticsearchSettings;
import io.esledger.infrastructure.eventstore.elasticsearch.ElasticsearchEventStore;
import io.esledger.infrastructure.eventstore.elasticsearch.EventIndex;
import io.esledger.infrastructure.serialization.JsonbPaymentEventSerializer;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A backup that is known to work: payments written and projected, a snapshot taken with the
 * operator's tool, every index of the ledger deleted, the snapshot restored — and the ledger answers
 * the same histories, statistics and read model, and goes on from there (the next append checks its
 * expected version against the restored stream; the projection resumes at its restored checkpoint).
 */
class BackupRestoreIT {

  private final Clock clock = Clock.systemUTC();
  private final String suffix = UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
  private final String prefix = "bit-" + suffix + "-";
  private final String url = "http://127.0.0.1:" + System.getProperty("es.http.port", "9200");
  private final Instant from = Instant.now().minus(1, ChronoUnit.HOURS);
  private final Instant to = Instant.now().plus(1, ChronoUnit.HOURS);
  private ElasticsearchSettings settings;
  private Ledger ledger;

  /** One app instance's view of the ledger: store, event index, read model with its projection. */
  private final class Ledger implements AutoCloseable {
    final ElasticsearchClient client = ElasticsearchClients.create(settings);
    final EventIndex events = new EventIndex(client, settings);
    final ElasticsearchEventStore store = new ElasticsearchEventStore(client, events, r -> {});
    final PaymentsReadModel payments = new PaymentsReadModel(client, settings, events, store,
        new JsonbPaymentEventSerializer(), clock);

    Ledger() {
      payments.start();
    }

    PaymentPage readModel() throws Exception {
      assertThat(payments.awaitApplied(store.acknowledgedThrough(), Duration.ofSeconds(30))).isTrue();
      client.indices().refresh(r -> r.index(payments.alias()));
      return payments.query().search(PaymentFilter.none(), 0, 100);
    }

    EventStatistics statistics(String organization) throws IOException {
      client.indices().refresh(r -> r.index(events.name()));
      return new EventSearch(client, events).statistics(organization, "PaymentProcessed", from, to, ZoneOffset.UTC);
    }

    @Override
    public void close() throws IOException {
      payments.close();
      store.close();
      client._transport().close();
    }
  }

  @BeforeEach
  void start() {
    settings = ElasticsearchSettings.local(url, prefix);
    ledger = new Ledger();
  }

  @AfterEach
  void stop() throws IOException {
    ledger.close();
    deleteAllIndices();
  }

  private void deleteAllIndices() throws IOException {
    ElasticsearchClient admin = ElasticsearchClients.create(settings);
    try {
      List<String> all = admin.cat().indices(i -> i.index(prefix + "*")).valueBody().stream()
          .map(r -> r.index()).toList();
      if (!all.isEmpty()) {
        admin.indices().delete(d -> d.index(all).ignoreUnavailable(true)); // a rebuild may drop its own meanwhile
      }
    } finally {
      admin._transport().close();
    }
  }

  private void pay(String organization, String paymentId, int expected, String amount) {
    String data = "{\"paymentId\":\"" + paymentId + "\",\"amount\":\"" + amount
        + "\",\"currency\":\"EUR\",\"processedAt\":\"" + clock.instant() + "\"}";
    NewEvent event = new NewEvent(UUID.randomUUID().toString(), "PaymentProcessed", data, clock.instant(),
        new EventMetadata("corr-" + paymentId, "cmd-" + UUID.randomUUID(), organization, "user-1", null));
    ledger.store.append(new StreamId("Payment", organization + "/" + paymentId), ExpectedVersion.exactly(expected),
        List.of(event));
  }

  private Map<String, List<String>> histories(List<String> streams) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String stream : streams) {
      out.put(stream, ledger.store.read(new StreamId("Payment", stream), 1).stream()
          .map(e -> e.version() + ":" + e.eventId() + ":" + e.data()).toList());
    }
    return out;
  }

  @Test
  void a_restored_snapshot_answers_as_the_ledger_did_and_the_ledger_goes_on_from_it() throws Exception {
    List<String> streams = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      String organization = i % 3 == 0 ? "org-b" : "org-a";
      pay(organization, "p-" + i, 0, (i + 1) + ".00");
      streams.add(organization + "/p-" + i);
    }
    pay("org-a", "p-1", 1, "99.00"); // a stream of two events
    PaymentPage readModel = ledger.readModel();
    EventStatistics statistics = ledger.statistics("org-a");
    Map<String, List<String>> histories = histories(streams);
    assertThat(readModel.total()).isEqualTo(12);
    assertThat(statistics.total()).isEqualTo(9);
    assertThat(histories.get("org-a/p-1")).hasSize(2);

    Snapshots snapshots = new Snapshots(url, prefix, "bit-" + suffix, "bit-" + suffix);
    String taken = snapshots.snapshot("before-loss");
    assertThat(taken).contains("before-loss").contains(prefix + "events");

    // the loss: every index of the ledger gone
    ledger.close();
    deleteAllIndices();
    ElasticsearchClient admin = ElasticsearchClients.create(settings);
    assertThat(admin.indices().exists(e -> e.index(prefix + "events")).value()).isFalse();
    admin._transport().close();

    String restored = snapshots.restore("before-loss");
    assertThat(restored).contains("restored before-loss");

    ledger = new Ledger();
    assertThat(histories(streams)).isEqualTo(histories);
    assertThat(ledger.statistics("org-a")).isEqualTo(statistics);
    assertThat(ledger.readModel()).isEqualTo(readModel);

    // and it goes on: versions continue where the restored streams end, and the projection resumes
    pay("org-a", "p-1", 2, "1.00");
    pay("org-a", "p-new", 0, "5.00");
    PaymentPage after = ledger.readModel();
    assertThat(after.total()).isEqualTo(13);
    assertThat(after.items()).filteredOn(r -> r.paymentId().equals("p-1")).singleElement()
        .satisfies(r -> assertThat(r.version()).isEqualTo(3));
    assertThat(ledger.store.read(new StreamId("Payment", "org-a/p-1"), 1)).extracting(RecordedEvent::version)
        .containsExactly(1, 2, 3);
  }
}
