package io.esledger.infrastructure.eventstore.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.esledger.application.CommandContext;
import io.esledger.application.PaymentOutcome;
import io.esledger.application.PaymentQueries;
import io.esledger.application.PaymentReceipt;
import io.esledger.application.PaymentCommandHandler;
import io.esledger.application.eventstore.AppendOutcome;
import io.esledger.application.eventstore.AppendRequest;
import io.esledger.application.eventstore.AppendResult;
import io.esledger.application.eventstore.EventStore;
import io.esledger.application.eventstore.ExpectedVersion;
import io.esledger.application.eventstore.LogFilter;
import io.esledger.application.eventstore.LogPage;
import io.esledger.application.eventstore.LogPosition;
import io.esledger.application.eventstore.LogSubscription;
import io.esledger.application.eventstore.NewEvent;
import io.esledger.application.eventstore.RecordedEvent;
import io.esledger.application.eventstore.StreamId;
import io.esledger.domain.model.payment.AuthorizePayment;
import io.esledger.domain.model.payment.CapturePayment;
import io.esledger.domain.model.payment.InvalidTransitionException;
import io.esledger.domain.model.payment.Money;
import io.esledger.domain.model.payment.PaymentNotFoundException;
import io.esledger.domain.model.payment.RefundPayment;
import io.esledger.domain.model.payment.PaymentAlreadyProcessedException;
import io.esledger.domain.model.payment.PaymentId;
import io.esledger.domain.model.payment.ProcessPayment;
import io.esledger.infrastructure.serialization.JsonbPaymentEventSerializer;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The command side against a real node: the handler, the aggregate and the store together. */
class PaymentCommandHandlerIT extends ElasticsearchNodeSupport {

  private static final PaymentId PAYMENT = new PaymentId("payment-123");
  private PaymentCommandHandler handler;

  @BeforeEach
  void handler() {
    handler = new PaymentCommandHandler(store, new JsonbPaymentEventSerializer(),
        Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC));
  }

  private static ProcessPayment eur(String amount) {
    return new ProcessPayment(PAYMENT, Money.of(new BigDecimal(amount), "EUR"), OptionalInt.empty());
  }

  private static CommandContext context(String commandId) {
    return new CommandContext(commandId, null, null, "org-1", "user-1");
  }

  @Test
  void a_command_right_after_another_on_the_same_payment_sees_its_event() throws Exception {
    handler.handle(eur("100.00"), context(null));

    // the index refreshes every 60 s here: only a real-time read can see the first event
    assertThatThrownBy(() -> handler.handle(eur("100.00"), context(null)))
        .isInstanceOf(PaymentAlreadyProcessedException.class);
    assertThat(indexedDocuments()).isEqualTo(1);
  }

  @Test
  void a_command_id_reused_for_a_different_amount_is_refused_and_stores_nothing() throws Exception {
    handler.handle(eur("100.00"), context("cmd-1"));

    assertThatThrownBy(() -> handler.handle(eur("250.00"), context("cmd-1")))
        .isInstanceOf(io.esledger.application.CommandIdReusedException.class)
        .hasMessageContaining("cmd-1");
    assertThat(handler.handle(eur("100.0"), context("cmd-1")).version()).as("the same command again").isEqualTo(1);
    assertThat(indexedDocuments()).isEqualTo(1);
  }

  @Test
  void a_new_payment_is_created_in_one_append_without_reading_its_stream() throws Exception {
    List<StreamId> reads = new ArrayList<>();
    EventStore counting = new EventStore() {
      @Override
      public AppendResult append(StreamId stream, ExpectedVersion expected, List<NewEvent> events) {
        return store.append(stream, expected, events);
      }

      @Override
      public List<AppendOutcome> appendAll(List<AppendRequest> requests) {
        return store.appendAll(requests);
      }

      @Override
      public List<RecordedEvent> read(StreamId stream, int fromVersion) {
        reads.add(stream);
        return store.read(stream, fromVersion);
      }

      @Override
      public Map<StreamId, List<RecordedEvent>> readAll(List<StreamId> streams) {
        reads.addAll(streams);
        return store.readAll(streams);
      }

      @Override
      public Optional<RecordedEvent> findEvent(String eventId) {
        return store.findEvent(eventId);
      }

      @Override
      public LogPage readLog(LogPosition after, LogFilter filter, int max) {
        return store.readLog(after, filter, max);
      }

      @Override
      public LogSubscription subscribe(String name, LogPosition after, LogFilter filter, int max,
          LogSubscription.Consumer consumer) {
        return store.subscribe(name, after, filter, max, consumer);
      }

      @Override
      public LogPosition head() {
        return store.head();
      }

      @Override
      public LogPosition logStart() {
        return store.logStart();
      }

      @Override
      public String logId() {
        return store.logId();
      }

      @Override
      public LogPosition acknowledgedThrough() {
        return store.acknowledgedThrough();
      }
    };
    PaymentCommandHandler handler = new PaymentCommandHandler(counting, new JsonbPaymentEventSerializer(),
        Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC));

    handler.handle(eur("100.00"), context("cmd-1"));
    assertThat(reads).isEmpty();

    // the same payment again: the create is refused, then the stream is read and the payment decides
    assertThatThrownBy(() -> handler.handle(eur("100.00"), context("cmd-2")))
        .isInstanceOf(PaymentAlreadyProcessedException.class);
    assertThat(reads).containsExactly(new StreamId("Payment", "org-1/payment-123"));
    assertThat(indexedDocuments()).isEqualTo(1);
  }

  @Test
  void a_batch_creates_new_payments_and_decides_existing_ones_on_their_history() throws Exception {
    PaymentReceipt first = handler.handle(eur("100.00"), context("cmd-1"));
    ProcessPayment other = new ProcessPayment(new PaymentId("payment-456"), Money.of(new BigDecimal("5"), "EUR"),
        OptionalInt.empty());

    List<PaymentOutcome> outcomes = handler.handleAll(
        List.of(eur("100.00"), other, eur("100.00"), other),
        List.of(context("cmd-1"), context("cmd-2"), context("cmd-3"), context("cmd-4")));

    assertThat(outcomes.get(0).receipt()).isEqualTo(first); // a retry: the first receipt
    assertThat(outcomes.get(1).receipt().version()).isEqualTo(1); // new: created
    assertThat(outcomes.get(2).failure()).isInstanceOf(PaymentAlreadyProcessedException.class);
    assertThat(outcomes.get(3).failure()).isInstanceOf(PaymentAlreadyProcessedException.class); // lost to #1
    assertThat(indexedDocuments()).isEqualTo(2);
  }

  @Test
  void two_organizations_each_have_their_own_payment_of_one_id() throws Exception {
    PaymentReceipt first = handler.handle(eur("100.00"), new CommandContext(null, null, null, "org-1", "user-1"));
    PaymentReceipt second = handler.handle(eur("7.00"), new CommandContext(null, null, null, "org-2", "user-2"));

    assertThat(first.version()).isEqualTo(1);
    assertThat(second.version()).as("not PAYMENT_ALREADY_PROCESSED: org-2's payment-123 is another payment")
        .isEqualTo(1);
    PaymentQueries queries = new PaymentQueries(store, new JsonbPaymentEventSerializer());
    assertThat(queries.history("org-1", PAYMENT)).singleElement()
        .satisfies(e -> assertThat(e.data()).contains("100.00"));
    assertThat(queries.history("org-2", PAYMENT)).singleElement()
        .satisfies(e -> assertThat(e.data()).contains("7.00"));
    assertThat(queries.history("org-3", PAYMENT)).isEmpty();
  }

  @Test
  void a_payment_stored_before_organizations_named_streams_is_still_found_by_its_id() throws Exception {
    // written the way earlier versions did: the stream named by the payment id alone
    handler.handle(eur("55.00"), new CommandContext(null, null, null, null, "user-1"));
    assertThat(store.read(new StreamId("Payment", "payment-123"), 1)).hasSize(1);

    List<RecordedEvent> found = new PaymentQueries(store, new JsonbPaymentEventSerializer()).history("org-1", PAYMENT);
    assertThat(found).singleElement().satisfies(e -> assertThat(e.data()).contains("55.00"));
  }

  @Test
  void the_stored_event_carries_envelope_and_exact_amount() throws Exception {
    PaymentReceipt receipt = handler.handle(eur("100"), new CommandContext("cmd-1", "corr-1", null, "org-1", "user-9"));

    RecordedEvent stored = store.read(new StreamId("Payment", "org-1/payment-123"), 1).get(0);
    assertThat(receipt.version()).isEqualTo(1);
    assertThat(receipt.eventIds()).containsExactly(stored.eventId());
    assertThat(receipt.correlationId()).isEqualTo("corr-1");
    assertThat(stored.eventType()).isEqualTo("PaymentProcessed");
    assertThat(stored.data()).contains("\"amount\":\"100.00\"").contains("\"currency\":\"EUR\"");
    assertThat(stored.metadata().organizationId()).isEqualTo("org-1");
    assertThat(stored.metadata().userId()).isEqualTo("user-9");
    assertThat(stored.metadata().causationId()).isEqualTo("cmd-1");
  }

  @Test
  void a_capture_that_completes_the_payment_is_one_commit_of_two_events_and_a_retry_returns_it() throws Exception {
    handler.handle(new AuthorizePayment(PAYMENT, Money.of(new BigDecimal("100"), "EUR"), OptionalInt.empty()),
        context("auth-1"));
    handler.handle(new CapturePayment(PAYMENT, new BigDecimal("40"), false, OptionalInt.empty()), context("cap-1"));

    PaymentReceipt rest = handler.handle(new CapturePayment(PAYMENT, null, false, OptionalInt.of(2)), context("cap-2"));

    assertThat(rest.version()).isEqualTo(4);
    assertThat(rest.eventIds()).hasSize(2);
    List<RecordedEvent> stream = store.read(new StreamId("Payment", "org-1/payment-123"), 1);
    assertThat(stream).extracting(RecordedEvent::eventType)
        .containsExactly("PaymentAuthorized", "PaymentCaptured", "PaymentCaptured", "PaymentCaptureCompleted");
    assertThat(stream.get(2).data()).contains("\"amount\":\"60.00\"");
    assertThat(handler.handle(new CapturePayment(PAYMENT, null, false, OptionalInt.empty()), context("cap-2")))
        .as("a retry of the capture").isEqualTo(rest);
    assertThatThrownBy(() -> handler.handle(new RefundPayment(PAYMENT, null, null, OptionalInt.empty()),
        context("cap-2"))).as("the capture's command id used for a refund")
        .isInstanceOf(io.esledger.application.CommandIdReusedException.class);
    assertThatThrownBy(() -> handler.handle(new CapturePayment(PAYMENT, BigDecimal.ONE, false, OptionalInt.empty()),
        context("cap-3"))).isInstanceOf(InvalidTransitionException.class);
    assertThat(store.read(new StreamId("Payment", "org-1/payment-123"), 1)).as("refusals store nothing").hasSize(4);
  }

  @Test
  void a_command_on_a_payment_that_does_not_exist_is_refused_and_stores_nothing() {
    assertThatThrownBy(() -> handler.handle(new RefundPayment(PAYMENT, BigDecimal.ONE, null, OptionalInt.empty()),
        context("r-1"))).isInstanceOf(PaymentNotFoundException.class);
    assertThat(store.read(new StreamId("Payment", "org-1/payment-123"), 1)).isEmpty();
  }

  @Test
  void a_retried_command_returns_the_first_result_and_stores_nothing_new() throws Exception {
    PaymentReceipt first = handler.handle(eur("100.00"), context("cmd-42"));
    PaymentReceipt retry = handler.handle(eur("100.00"), context("cmd-42"));

    assertThat(retry).isEqualTo(first);
    assertThat(indexedDocuments()).isEqualTo(1);
  }

  @Test
  void concurrent_retries_of_one_command_all_get_the_one_result() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<PaymentReceipt>> results = new ArrayList<>();
    Callable<PaymentReceipt> retry = () -> handler.handle(eur("100.00"), context("cmd-7"));
    for (int i = 0; i < 8; i++) {
      results.add(pool.submit(retry));
    }
    List<PaymentReceipt> receipts = new ArrayList<>();
    for (Future<PaymentReceipt> r : results) {
      receipts.add(r.get());
    }
    pool.shutdown();

    assertThat(receipts).allSatisfy(r -> assertThat(r).isEqualTo(receipts.get(0)));
    assertThat(indexedDocuments()).isEqualTo(1);
  }
}
