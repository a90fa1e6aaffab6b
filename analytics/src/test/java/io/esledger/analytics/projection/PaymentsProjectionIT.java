package io.esledger.analytics.projection;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.esledger.application.eventstore.AppendResult;
import io.esledger.application.eventstore.EventMetadata;
import io.esledger.application.eventstore.ExpectedVersion;
import io.esledger.application.eventstore.NewEvent;
import io.esledger.application.eventstore.StreamId;
import io.esledger.infrastructure.eventstore.elasticsearch.ElasticsearchClients;
import io.esledger.infrastructure.eventstore.elasticsearch.ElasticsearchEventStore;
import io.esledger.infrastructure.eventstore.elasticsearch.ElasticsearchSettings;
import io.esledger.infrastructure.eventstore.elasticsearch.EventIndex;
import io.esledger.infrastructure.serialization.JsonbPaymentEventSerializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The payments projection against a real node: idempotent, gap-repairing, and catching up after a crash. */
class PaymentsProjectionIT {

  private final Clock clock = Clock.systemUTC();
  private ElasticsearchClient client;
  private ElasticsearchEventStore store;
  private PaymentsIndex payments;
  private Checkpoints checkpoints;
  private PaymentsProjector projector;
  private EventIndex events;

  @BeforeEach
  void connect() {
    String prefix = "pit-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT) + "-";
    ElasticsearchSettings settings = ElasticsearchSettings.local(
        "http://127.0.0.1:" + System.getProperty("es.http.port", "9200"), prefix);
    client = ElasticsearchClients.create(settings);
    events = new EventIndex(client, settings);
    store = new ElasticsearchEventStore(client, events, r -> {}); // no live projection unless a test enqueues
    payments = new PaymentsIndex(client, settings);
    checkpoints = new Checkpoints(client, settings);
    projector = new PaymentsProjector(store, payments, new PaymentsFold(new JsonbPaymentEventSerializer()), clock,
        checkpoints);
  }

  @AfterEach
  void disconnect() throws IOException {
    projector.stop();
    List<String> indices = new java.util.ArrayList<>(List.of(events.name(), events.name().replace("events", "projections")));
    if (client.indices().existsAlias(a -> a.name(payments.alias())).value()) {
      indices.addAll(client.indices().getAlias(g -> g.name(payments.alias())).result().keySet());
    }
    client.indices().delete(d -> d.index(indices).ignoreUnavailable(true));
    client._transport().close();
  }

  private AppendResult append(String paymentId, int expected, String amount) {
    return append(paymentId, expected, amount, "org-1");
  }

  private AppendResult append(String paymentId, int expected, String amount, String organizationId) {
    String data = "{\"paymentId\":\"" + paymentId + "\",\"amount\":\"" + amount
        + "\",\"currency\":\"EUR\",\"processedAt\":\"2026-03-02T10:00:00Z\"}";
    NewEvent event = new NewEvent(UUID.randomUUID().toString(), "PaymentProcessed", data, clock.instant(),
        new EventMetadata("c", "c", organizationId, "user-1", null));
    return store.append(new StreamId("Payment", paymentId), ExpectedVersion.exactly(expected), List.of(event));
  }

  private PaymentPage readModel() throws Exception {
    assertThat(projector.awaitApplied(clock.instant(), Duration.ofSeconds(10))).isTrue();
    client.indices().refresh(r -> r.index(payments.alias()));
    return new PaymentsQuery(client, payments).search(PaymentFilter.none(), 0, 100);
  }

  @Test
  void an_append_becomes_a_row() throws Exception {
    projector.enqueue(append("p-1", 0, "12.50"));

    PaymentSummary row = readModel().items().get(0);

    assertThat(row.paymentId()).isEqualTo("p-1");
    assertThat(row.status()).isEqualTo("PROCESSED");
    assertThat(row.amount()).isEqualTo(new BigDecimal("12.50"));
    assertThat(row.version()).isEqualTo(1);
  }

  @Test
  void applying_an_append_twice_or_late_changes_nothing() throws Exception {
    AppendResult first = append("p-1", 0, "1.00");
    AppendResult second = append("p-1", 1, "2.00");
    projector.enqueue(first);
    projector.enqueue(second);
    readModel();
    projector.enqueue(first);
    projector.enqueue(second);

    PaymentPage page = readModel();

    assertThat(page.total()).isEqualTo(1);
    assertThat(page.items().get(0).version()).isEqualTo(2);
    assertThat(page.items().get(0).amount()).isEqualTo(new BigDecimal("2.00"));
  }

  @Test
  void an_event_the_projection_never_saw_is_repaired_from_the_store() throws Exception {
    append("p-1", 0, "1.00", "org-first"); // never reaches the projection
    projector.enqueue(append("p-1", 1, "2.00", "org-later"));

    PaymentSummary row = readModel().items().get(0);

    assertThat(row.version()).isEqualTo(2);
    assertThat(row.organizationId()).as("only the unseen first event says so").isEqualTo("org-first");
  }

  @Test
  void after_a_crash_the_streams_touched_since_the_checkpoint_are_projected() throws Exception {
    checkpoints.save(Projections.PAYMENTS, clock.instant());
    append("p-1", 0, "1.00"); // acknowledged, then the process "died" before projecting
    append("p-2", 0, "2.00");

    int caughtUp = projector.catchUp(new RecentStreams(client, events), Duration.ofSeconds(30));

    assertThat(caughtUp).isEqualTo(2);
    assertThat(readModel().items()).extracting(PaymentSummary::paymentId).containsExactlyInAnyOrder("p-1", "p-2");
  }
}
