package io.esledger.analytics.projection;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.esledger.application.eventstore.EventMetadata;
import io.esledger.application.eventstore.ExpectedVersion;
import io.esledger.application.eventstore.LogPosition;
import io.esledger.application.eventstore.NewEvent;
import io.esledger.application.eventstore.StreamId;
import io.esledger.infrastructure.elasticsearch.ElasticsearchClients;
import io.esledger.infrastructure.eventstore.elasticsearch.ElasticsearchEventStore;
import io.esledger.infrastructure.elasticsearch.ElasticsearchSettings;
import io.esledger.infrastructure.eventstore.elasticsearch.EventIndex;
import io.esledger.infrastructure.eventstore.elasticsearch.LogSettings;
import io.esledger.infrastructure.serialization.JsonbPaymentEventSerializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The payments projection against a real node: it follows the log from its checkpoint, applies
 * repeats harmlessly, parks a poison event and goes on, and fails over between instances.
 */
class PaymentsProjectionIT {

  private final Clock clock = Clock.systemUTC();
  private final List<PaymentsProjector> projectors = new ArrayList<>();
  private ElasticsearchClient client;
  private ElasticsearchSettings settings;
  private ElasticsearchEventStore store;
  private PaymentsIndex payments;
  private EventIndex events;

  @BeforeEach
  void connect() {
    String prefix = "pit-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT) + "-";
    settings = ElasticsearchSettings.local("http://127.0.0.1:" + System.getProperty("es.http.port", "9200"), prefix);
    client = ElasticsearchClients.create(settings);
    events = new EventIndex(client, settings);
    store = new ElasticsearchEventStore(client, events, r -> {});
    payments = new PaymentsIndex(client, settings);
  }

  @AfterEach
  void disconnect() throws IOException {
    projectors.forEach(PaymentsProjector::close);
    store.close();
    List<String> indices = new ArrayList<>(List.of(events.name(), settings.indexPrefix() + "projections",
        settings.indexPrefix() + "projections-parked"));
    if (client.indices().existsAlias(a -> a.name(payments.alias())).value()) {
      indices.addAll(client.indices().getAlias(g -> g.name(payments.alias())).result().keySet());
    }
    client.indices().delete(d -> d.index(indices).ignoreUnavailable(true));
    client._transport().close();
  }

  /** A projector as one app instance would run it (its own lease holder id). */
  private PaymentsProjector startProjector() {
    PaymentsProjector projector = new PaymentsProjector(store, payments,
        new PaymentsFold(new JsonbPaymentEventSerializer()), lease(),
        new ParkedEvents(client, settings.indexPrefix() + "projections-parked"), clock);
    projectors.add(projector);
    projector.start();
    return projector;
  }

  private ProjectionLease lease() {
    return new ProjectionLease(client, settings.indexPrefix() + "projections", Projections.PAYMENTS);
  }

  private void append(String paymentId, int expected, String amount) {
    append(paymentId, expected, amount, "org-1", "PaymentProcessed", clock.instant());
  }

  private void append(String paymentId, int expected, String amount, String organizationId, String type,
      Instant decidedAt) {
    String data = "{\"paymentId\":\"" + paymentId + "\",\"amount\":\"" + amount
        + "\",\"currency\":\"EUR\",\"processedAt\":\"2026-03-02T10:00:00Z\"}";
    NewEvent event = new NewEvent(UUID.randomUUID().toString(), type, data, decidedAt,
        new EventMetadata("c", "c", organizationId, "user-1", null));
    store.append(new StreamId("Payment", paymentId), ExpectedVersion.exactly(expected), List.of(event));
  }

  /** The read model once the projection's checkpoint covers every append made so far. */
  private PaymentPage readModel(PaymentsProjector projector) throws Exception {
    assertThat(projector.awaitApplied(store.acknowledgedThrough(), Duration.ofSeconds(20))).isTrue();
    client.indices().refresh(r -> r.index(payments.alias()));
    return new PaymentsQuery(client, payments).search(PaymentFilter.none(), 0, 100);
  }

  @Test
  void an_append_becomes_a_row() throws Exception {
    PaymentsProjector projector = startProjector();
    append("p-1", 0, "12.50");

    PaymentSummary row = readModel(projector).items().get(0);

    assertThat(row.paymentId()).isEqualTo("p-1");
    assertThat(row.status()).isEqualTo("PROCESSED");
    assertThat(row.amount()).isEqualTo(new BigDecimal("12.50"));
    assertThat(row.version()).isEqualTo(1);
  }

  @Test
  void two_organizations_using_one_payment_id_have_a_row_each() throws Exception {
    PaymentsProjector projector = startProjector();
    for (String[] org : new String[][] {{"org-a", "10.00", "1"}, {"org-b", "20.00", "3"}}) {
      for (int v = 0; v < Integer.parseInt(org[2]); v++) {
        String data = "{\"paymentId\":\"shared\",\"amount\":\"" + org[1]
            + "\",\"currency\":\"EUR\",\"processedAt\":\"2026-03-02T10:00:00Z\"}";
        String type = v == 0 ? "PaymentProcessed" : "PaymentRefunded";
        String event = v == 0 ? data : "{\"paymentId\":\"shared\",\"amount\":\"1.00\",\"currency\":\"EUR\","
            + "\"reason\":\"r\",\"occurredAt\":\"2026-03-02T11:00:00Z\"}";
        store.append(new StreamId("Payment", org[0] + "/shared"), ExpectedVersion.exactly(v), List.of(new NewEvent(
            UUID.randomUUID().toString(), type, event, clock.instant(), new EventMetadata("c", "c", org[0], "u", null))));
      }
    }

    List<PaymentSummary> rows = readModel(projector).items();

    assertThat(rows).extracting(PaymentSummary::organizationId).containsExactlyInAnyOrder("org-a", "org-b");
    assertThat(rows).filteredOn(r -> r.organizationId().equals("org-a")).singleElement()
        .satisfies(r -> assertThat(r.version()).isEqualTo(1))
        .satisfies(r -> assertThat(r.amount()).isEqualByComparingTo("10.00"));
    assertThat(rows).filteredOn(r -> r.organizationId().equals("org-b")).singleElement()
        .satisfies(r -> assertThat(r.version()).isEqualTo(3))
        .satisfies(r -> assertThat(r.amount()).isEqualByComparingTo("20.00"));
  }

  @Test
  void events_appended_before_the_first_start_are_projected_from_the_beginning_of_the_log() throws Exception {
    for (int i = 0; i < 30; i++) {
      append("p-" + i, 0, "1.00");
    }
    append("p-0", 1, "2.00");

    PaymentPage page = readModel(startProjector());

    assertThat(page.total()).isEqualTo(30);
    assertThat(page.items()).filteredOn(r -> r.paymentId().equals("p-0")).singleElement()
        .extracting(PaymentSummary::version).isEqualTo(2);
  }

  @Test
  void pages_applied_again_by_the_next_holder_change_nothing() throws Exception {
    PaymentsProjector first = startProjector();
    append("p-1", 0, "1.00");
    append("p-1", 1, "2.00");
    append("p-bad", 0, "1.00", "org-1", "PaymentExploded", clock.instant());
    readModel(first);
    first.close();
    // as a holder that crashed, or was deposed, after its rows and parked events but before its
    // checkpoint: the next holder gets the same pages again
    ProjectionLease.State saved = lease().read().orElseThrow();
    lease().replace(saved, store.logStart(), null, saved.term(), saved.beat() + 1);

    PaymentsProjector second = startProjector();
    PaymentPage page = readModel(second);

    assertThat(page.total()).isEqualTo(1);
    assertThat(page.items().get(0).version()).isEqualTo(2);
    assertThat(page.items().get(0).amount()).isEqualTo(new BigDecimal("2.00"));
    assertThat(second.parkedCount()).as("the poison event was parked again").isEqualTo(1);
    assertThat(second.parked(10)).as("parked once, whoever parked it how often").singleElement()
        .satisfies(p -> assertThat(p.streamId()).isEqualTo("Payment:p-bad"));
  }

  @Test
  void a_commit_stamped_a_minute_before_its_append_is_projected() throws Exception {
    PaymentsProjector projector = startProjector();
    append("p-now", 0, "1.00");
    readModel(projector);

    append("p-late", 0, "5.00", "org-1", "PaymentProcessed", clock.instant().minusSeconds(60));

    assertThat(readModel(projector).items()).extracting(PaymentSummary::paymentId).contains("p-late");
  }

  @Test
  void a_commit_whose_flush_was_held_for_a_minute_is_projected() throws Exception {
    PaymentsProjector projector = startProjector();
    append("p-before", 0, "1.00");
    readModel(projector);
    int port = Integer.parseInt(System.getProperty("es.http.port", "9200"));
    ExecutorService writer = Executors.newSingleThreadExecutor();
    try (HoldingProxy proxy = new HoldingProxy(port, Duration.ofSeconds(60))) {
      ElasticsearchSettings viaProxy = ElasticsearchSettings.local(proxy.url(), settings.indexPrefix());
      ElasticsearchSettings patient = new ElasticsearchSettings(viaProxy.hosts(), viaProxy.username(),
          viaProxy.password(), viaProxy.apiKey(), viaProxy.indexPrefix(), viaProxy.shards(), viaProxy.replicas(),
          viaProxy.refreshInterval(), viaProxy.connectTimeout(), Duration.ofSeconds(120));
      ElasticsearchClient slowClient = ElasticsearchClients.create(patient);
      ElasticsearchEventStore slowStore = new ElasticsearchEventStore(slowClient, new EventIndex(slowClient, patient),
          r -> {}, new LogSettings(Duration.ofMillis(50), Duration.ofMillis(500), Duration.ofSeconds(120)));
      Instant decided = clock.instant();
      String data = "{\"paymentId\":\"p-held\",\"amount\":\"9.00\",\"currency\":\"EUR\","
          + "\"processedAt\":\"2026-03-02T10:00:00Z\"}";
      Future<?> late = writer.submit(() -> slowStore.append(new StreamId("Payment", "p-held"), ExpectedVersion.NO_STREAM,
          List.of(new NewEvent(UUID.randomUUID().toString(), "PaymentProcessed", data, decided,
              new EventMetadata("c", "c", "org-1", "user-1", null)))));
      // while that flush is held, other commits are made and projected
      for (int i = 0; i < 5; i++) {
        append("p-during-" + i, 0, "2.00");
        assertThat(readModel(projector).items()).extracting(PaymentSummary::paymentId).contains("p-during-" + i);
        Thread.sleep(5_000);
      }
      late.get(2, TimeUnit.MINUTES);
      assertThat(Duration.between(decided, clock.instant())).isGreaterThanOrEqualTo(Duration.ofSeconds(60));
      // the writer's own position (as its receipt's token carries it), passed by the projection
      LogPosition heldAt = slowStore.acknowledgedThrough();
      assertThat(projector.awaitApplied(heldAt, Duration.ofSeconds(20))).isTrue();
      slowStore.close();
      slowClient._transport().close();
    } finally {
      writer.shutdownNow();
    }

    assertThat(readModel(projector).items()).extracting(PaymentSummary::paymentId).contains("p-held");
  }

  @Test
  void a_poison_event_is_parked_with_its_reason_and_the_projection_goes_on() throws Exception {
    PaymentsProjector projector = startProjector();
    append("p-bad", 0, "1.00", "org-1", "PaymentExploded", clock.instant());
    append("p-good", 0, "3.00");

    PaymentPage page = readModel(projector);

    assertThat(page.items()).extracting(PaymentSummary::paymentId).containsExactly("p-good");
    assertThat(projector.parkedCount()).isEqualTo(1);
    assertThat(projector.parked(10)).singleElement().satisfies(p -> {
      assertThat(p.streamId()).isEqualTo("Payment:p-bad");
      assertThat(p.reason()).contains("PaymentExploded");
    });
  }

  @Test
  void one_instance_projects_at_a_time_and_another_takes_over_when_it_dies() throws Exception {
    PaymentsProjector one = startProjector();
    PaymentsProjector two = startProjector();
    append("p-1", 0, "1.00");
    readModel(one);
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!(one.active() ^ two.active()) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(one.active() ^ two.active()).as("exactly one holds the lease").isTrue();
    PaymentsProjector holder = one.active() ? one : two;
    PaymentsProjector standby = one.active() ? two : one;

    holder.crash();
    long crashed = System.nanoTime();
    append("p-2", 0, "2.00");
    PaymentPage page = readModel(standby);
    long failoverMillis = (System.nanoTime() - crashed) / 1_000_000;

    assertThat(standby.active()).isTrue();
    assertThat(page.items()).extracting(PaymentSummary::paymentId).containsExactlyInAnyOrder("p-1", "p-2");
    System.out.printf("projection failover after the holder died: %d ms%n", failoverMillis);
  }

  @Test
  void a_deposed_holder_cannot_move_the_checkpoint() throws Exception {
    ProjectionLease lease = lease();
    ProjectionLease.State mine = lease.create("instance-a", LogPosition.start(1), store.logId()).orElseThrow();
    ProjectionLease.State taken = lease.replace(mine, mine.position(), "instance-b", mine.term() + 1, 0).orElseThrow();

    assertThat(lease.replace(mine, LogPosition.of(99), "instance-a", mine.term(), 1)).isEmpty();
    assertThat(lease.read().orElseThrow().holder()).isEqualTo("instance-b");
    assertThat(lease.read().orElseThrow().position()).isEqualTo(taken.position());
  }

  @Test
  void a_rebuild_under_concurrent_appends_loses_none_of_them() throws Exception {
    PaymentsProjector projector = startProjector();
    for (int i = 0; i < 300; i++) {
      append("before-" + i, 0, "1.00");
    }
    readModel(projector);
    PaymentsRebuild rebuild = new PaymentsRebuild(payments, new PaymentsFold(new JsonbPaymentEventSerializer()),
        projector, store, () -> 300, clock);
    java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
    java.util.concurrent.atomic.AtomicInteger written = new java.util.concurrent.atomic.AtomicInteger();
    Thread writer = new Thread(() -> {
      while (writing.get()) {
        append("during-" + written.getAndIncrement(), 0, "2.00");
      }
    });
    writer.start();
    Thread.sleep(100);
    RebuildProgress done = rebuild.run();
    Thread.sleep(100);
    writing.set(false);
    writer.join();

    assertThat(done.state()).as(String.valueOf(done.error())).isEqualTo("DONE");
    PaymentPage page = readModel(projector);
    System.out.printf("rebuild under load: %d payments before, %d appended during the rebuild, read model %d%n",
        300, written.get(), page.total());
    assertThat(page.total()).isEqualTo(300 + written.get());
    assertThat(written.get()).as("appends really ran during the rebuild").isGreaterThan(0);
  }

  @Test
  void after_paused_work_sets_the_checkpoint_the_projection_resumes_there_not_where_it_was() throws Exception {
    PaymentsProjector projector = startProjector();
    append("before", 0, "1.00");
    readModel(projector);
    // as a rebuild's swap does: while the projection is paused, work covers more of the log than one
    // page (500) and returns the position it reached; these rows are the work's to write (here: none)
    LogPosition covered = projector.whilePaused(checkpoint -> {
      for (int i = 0; i < 700; i++) {
        append("covered-" + i, 0, "2.00");
      }
      return new LeasedSubscriber.Handover(store.head(), null);
    });
    append("after", 0, "3.00");

    PaymentPage page = readModel(projector);
    assertThat(page.items()).extracting(PaymentSummary::paymentId)
        .as("the projection went on from the work's checkpoint, not from the page it had read before")
        .containsExactlyInAnyOrder("before", "after");
    assertThat(lease().read().orElseThrow().position().covers(covered))
        .as("the stored checkpoint is not behind the one the work set").isTrue();
  }

  /** The concrete indices behind the read model's alias. */
  private java.util.Set<String> behindAlias() throws IOException {
    return client.indices().getAlias(g -> g.name(payments.alias())).result().keySet();
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"loaded", "checkpointed", "aliased"})
  void a_lease_lost_at_any_step_of_a_rebuild_swap_leaves_one_whole_read_model(String step) throws Exception {
    PaymentsProjector projector = startProjector();
    for (int i = 0; i < 50; i++) {
      append("swap-" + i, 0, "1.00");
    }
    readModel(projector);
    String before = behindAlias().iterator().next();
    ProjectionLease lease = lease();
    // at the step, another instance takes the lease (as after a pause longer than the lease time)
    projector.onStep(at -> {
      if (at.equals(step)) {
        try {
          ProjectionLease.State now = lease.read().orElseThrow();
          lease.replace(now, now.position(), "another-instance", now.term() + 1, 0).orElseThrow();
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    });
    RebuildProgress done = new PaymentsRebuild(payments, new PaymentsFold(new JsonbPaymentEventSerializer()),
        projector, store, () -> 50, clock).run();
    projector.onStep(at -> {});

    if (step.equals("loaded")) {
      assertThat(done.state()).as("the lease was lost before the checkpoint named the new index").isEqualTo("FAILED");
      assertThat(behindAlias()).as("the old index is the read model still").containsExactly(before);
      assertThat(lease.read().orElseThrow().index()).as("the checkpoint names no new index").isNull();
    } else {
      assertThat(done.state()).as(String.valueOf(done.error())).isEqualTo("DONE");
      assertThat(behindAlias()).as("the index the checkpoint names is the read model")
          .containsExactly(lease.read().orElseThrow().index());
      assertThat(client.indices().exists(e -> e.index(before)).value()).as("the old index dropped last").isFalse();
    }
    assertThat(client.indices().get(g -> g.index(payments.alias() + "-*")).result().keySet())
        .as("no index left over").isEqualTo(behindAlias());
    // the other instance dies without a word; the next holder goes on from the checkpoint
    ProjectionLease.State stolen = lease.read().orElseThrow();
    lease.replace(stolen, stolen.position(), null, stolen.term(), stolen.beat() + 1).orElseThrow();
    PaymentsProjector next = startProjector();
    append("after-swap", 0, "2.00");

    PaymentPage page = readModel(next);
    assertThat(page.total()).as("every payment once, as a rebuild would have it").isEqualTo(51);
  }

  @Test
  void when_the_event_log_is_replaced_the_projection_starts_the_new_one_from_its_beginning() throws Exception {
    PaymentsProjector projector = startProjector();
    java.util.concurrent.atomic.AtomicInteger toldReplaced = new java.util.concurrent.atomic.AtomicInteger();
    projector.onLogReplaced(toldReplaced::incrementAndGet);
    for (int i = 0; i < 5; i++) {
      append("old-" + i, 0, "1.00");
    }
    readModel(projector);
    String oldLog = store.logId();
    LogPosition oldCheckpoint = lease().read().orElseThrow().position();

    // the event index is deleted and created again (as a restore of an older snapshot would leave it):
    // its sequence numbers start over, far below the stored checkpoint
    client.indices().delete(d -> d.index(events.name()));
    try {
      store.head(); // the store notices here, or the projection's subscription already did
    } catch (RuntimeException expected) {
      // the call that found the log gone
    }
    append("new-1", 0, "2.00");
    append("new-2", 0, "3.00");

    PaymentPage page = readModel(projector);
    assertThat(page.items()).extracting(PaymentSummary::paymentId).as("the new log's payments are projected")
        .contains("new-1", "new-2");
    ProjectionLease.State stored = lease().read().orElseThrow();
    assertThat(stored.log()).as("the checkpoint names the new log").isEqualTo(store.logId()).isNotEqualTo(oldLog);
    assertThat(oldCheckpoint.covers(stored.position()) && !stored.position().covers(oldCheckpoint))
        .as("a checkpoint of the new log, below the old one's").isTrue();
    assertThat(toldReplaced).as("told, so that the read model is rebuilt").hasValue(1);
  }
}
