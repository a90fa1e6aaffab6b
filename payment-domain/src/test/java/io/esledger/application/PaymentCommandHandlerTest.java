package io.esledger.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.esledger.application.eventstore.EventMetadata;
import io.esledger.application.eventstore.ExpectedVersion;
import io.esledger.application.eventstore.InMemoryEventStore;
import io.esledger.application.eventstore.LogFilter;
import io.esledger.application.eventstore.LogPosition;
import io.esledger.application.eventstore.NewEvent;
import io.esledger.application.eventstore.RecordedEvent;
import io.esledger.application.eventstore.StreamId;
import io.esledger.domain.model.payment.AmountExceedsCapturedException;
import io.esledger.domain.model.payment.AuthorizePayment;
import io.esledger.domain.model.payment.CapturePayment;
import io.esledger.domain.model.payment.Money;
import io.esledger.domain.model.payment.PaymentAlreadyProcessedException;
import io.esledger.domain.model.payment.PaymentCommand;
import io.esledger.domain.model.payment.PaymentEvent;
import io.esledger.domain.model.payment.PaymentId;
import io.esledger.domain.model.payment.PaymentNotFoundException;
import io.esledger.domain.model.payment.PaymentProcessed;
import io.esledger.domain.model.payment.ProcessPayment;
import io.esledger.domain.model.payment.RefundPayment;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The one command path on the in-memory store: what is appended, in which commits, and what is refused. */
class PaymentCommandHandlerTest {

  private static final OptionalInt ANY = OptionalInt.empty();
  private final InMemoryEventStore store = new InMemoryEventStore();
  private final PaymentCommandHandler handler = new PaymentCommandHandler(store, new ReferenceSerializer(),
      Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC));

  /** Keeps events in memory and stores a reference to them: this test is about the handler, not JSON. */
  private static final class ReferenceSerializer implements PaymentEventSerializer {
    private final Map<String, PaymentEvent> events = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();

    @Override
    public String serialize(PaymentEvent event) {
      String ref = "{\"ref\":" + next.incrementAndGet() + "}";
      events.put(ref, event);
      return ref;
    }

    @Override
    public int schemaVersion(String eventType) {
      return 1;
    }

    @Override
    public PaymentEvent deserialize(RecordedEvent event) {
      return events.get(event.data());
    }
  }

  private static CommandContext by(String commandId) {
    return new CommandContext(commandId, null, null, "org-1", "user-1");
  }

  private static PaymentId id(String value) {
    return new PaymentId(value);
  }

  private List<String> types(String paymentId) {
    return store.read(PaymentStreams.of("org-1", id(paymentId)), 1).stream().map(RecordedEvent::eventType).toList();
  }

  @Test
  void a_capture_that_completes_capturing_is_one_commit_of_two_events() throws Exception {
    handler.handle(new AuthorizePayment(id("p"), Money.of(new BigDecimal("10"), "EUR"), ANY), by("a"));
    LogPosition before = store.head();

    PaymentReceipt receipt = handler.handle(new CapturePayment(id("p"), null, false, ANY), by("c"));

    assertThat(receipt.version()).isEqualTo(3);
    assertThat(receipt.eventIds()).hasSize(2);
    var commit = store.readLog(before, LogFilter.all(), 100).entries();
    assertThat(commit).extracting(e -> e.event().eventType())
        .containsExactly("PaymentCaptured", "PaymentCaptureCompleted");
    assertThat(commit.get(0).seqNo()).isEqualTo(commit.get(1).seqNo());
  }

  @Test
  void a_retry_returns_the_first_receipt_and_stores_nothing_and_a_reused_id_is_refused() throws Exception {
    handler.handle(new ProcessPayment(id("p"), Money.of(new BigDecimal("10"), "EUR"), ANY), by("process"));
    PaymentReceipt first = handler.handle(new RefundPayment(id("p"), new BigDecimal("4"), null, ANY), by("r"));

    assertThat(handler.handle(new RefundPayment(id("p"), new BigDecimal("4"), null, ANY), by("r"))).isEqualTo(first);
    assertThatThrownBy(() -> handler.handle(new RefundPayment(id("p"), new BigDecimal("5"), null, ANY), by("r")))
        .isInstanceOf(CommandIdReusedException.class);
    assertThat(types("p")).containsExactly("PaymentProcessed", "PaymentRefunded");
  }

  @Test
  void refusals_store_nothing() {
    LogPosition before = store.head();
    assertThatThrownBy(() -> handler.handle(new RefundPayment(id("ghost"), BigDecimal.ONE, null, ANY), by("x")))
        .isInstanceOf(PaymentNotFoundException.class);
    assertThat(store.head()).isEqualTo(before);
  }

  @Test
  void processing_twice_is_refused_after_the_create_guard_sends_it_to_the_read_and_decide_path() throws Exception {
    handler.handle(new ProcessPayment(id("p"), Money.of(new BigDecimal("10"), "EUR"), ANY), by("one"));
    assertThatThrownBy(() -> handler.handle(new ProcessPayment(id("p"), Money.of(new BigDecimal("10"), "EUR"), ANY),
        by("two"))).isInstanceOf(PaymentAlreadyProcessedException.class);
    assertThat(types("p")).containsExactly("PaymentProcessed");
  }

  @Test
  void a_payment_stored_before_organizations_named_streams_is_refunded_where_it_lives_by_its_organization_only()
      throws Exception {
    ReferenceSerializer serializer = new ReferenceSerializer();
    PaymentCommandHandler handler = new PaymentCommandHandler(store, serializer,
        Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC));
    StreamId legacy = PaymentStreams.legacy(id("old"));
    PaymentEvent processed = new PaymentProcessed("old", new BigDecimal("10.00"),
        "EUR", Instant.parse("2026-01-01T00:00:00Z"), null);
    store.append(legacy, ExpectedVersion.NO_STREAM, List.of(
        new NewEvent("e-old", processed.eventType(), serializer.serialize(processed),
            Instant.parse("2026-01-01T00:00:00Z"),
            new EventMetadata("c", "c", "org-1", "user-1", null))));

    assertThatThrownBy(() -> handler.handle(new RefundPayment(id("old"), BigDecimal.ONE, null, ANY),
        new CommandContext(null, null, null, "org-2", "user-2"))).isInstanceOf(PaymentNotFoundException.class);
    PaymentReceipt refund = handler.handle(new RefundPayment(id("old"), BigDecimal.ONE, null, ANY), by("r"));

    assertThat(refund.version()).isEqualTo(2);
    assertThat(store.read(legacy, 1)).extracting(RecordedEvent::eventType)
        .containsExactly("PaymentProcessed", "PaymentRefunded");
    assertThat(types("old")).as("nothing under the organization's name").isEmpty();
  }

  @Test
  void in_a_batch_each_command_succeeds_or_is_refused_on_its_own() throws Exception {
    handler.handle(new ProcessPayment(id("paid"), Money.of(new BigDecimal("10"), "EUR"), ANY), by("p"));
    List<PaymentCommand> commands = List.of(
        new RefundPayment(id("paid"), new BigDecimal("11"), null, ANY),
        new ProcessPayment(id("new"), Money.of(new BigDecimal("3"), "USD"), ANY),
        new RefundPayment(id("paid"), new BigDecimal("2"), null, ANY));

    List<PaymentOutcome> outcomes = handler.handleAll(commands, List.of(by("b1"), by("b2"), by("b3")));

    assertThat(outcomes.get(0).failure()).isInstanceOf(AmountExceedsCapturedException.class);
    assertThat(outcomes.get(1).receipt().version()).isEqualTo(1);
    assertThat(outcomes.get(2).receipt().version()).isEqualTo(2);
    assertThat(types("paid")).containsExactly("PaymentProcessed", "PaymentRefunded");
    assertThat(store.read(new StreamId("Payment", "org-1/new"), 1)).hasSize(1);
  }
}
