package io.esledger.application;

import io.esledger.application.eventstore.AppendOutcome;
import io.esledger.application.eventstore.AppendRequest;
import io.esledger.application.eventstore.EventMetadata;
import io.esledger.application.eventstore.EventStore;
import io.esledger.application.eventstore.ExpectedVersion;
import io.esledger.application.eventstore.NewEvent;
import io.esledger.application.eventstore.RecordedEvent;
import io.esledger.application.eventstore.StreamId;
import io.esledger.application.eventstore.WrongExpectedVersionException;
import io.esledger.domain.model.payment.Payment;
import io.esledger.domain.model.payment.Money;
import io.esledger.domain.model.payment.PaymentEvent;
import io.esledger.domain.model.payment.PaymentProcessed;
import io.esledger.domain.model.payment.PaymentRejectedException;
import io.esledger.domain.model.payment.ProcessPayment;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs {@link ProcessPayment}: load the payment from its stream, let it decide, append what it
 * decided at the version it was loaded at (a payment that may be new is first decided on an empty
 * stream and created without the read). A retried command (same command id) returns the first
 * result and stores nothing.
 */
@Singleton
public class ProcessPaymentHandler {

  private final EventStore store;
  private final PaymentEventSerializer serializer;
  private final Clock clock;

  @Inject
  public ProcessPaymentHandler(EventStore store, PaymentEventSerializer serializer, Clock clock) {
    this.store = store;
    this.serializer = serializer;
    this.clock = clock;
  }

  public PaymentReceipt handle(ProcessPayment command, CommandContext context)
      throws PaymentRejectedException {
    StreamId stream = PaymentStreams.of(context.organizationId(), command.paymentId());
    if (mayBeNew(command)) {
      // most payments are new: decide on an empty stream and create it in one round trip; the
      // create guard refuses if the stream exists, and then the payment is loaded and decided again
      List<NewEvent> events = decide(command, context, List.of());
      try {
        return receipt(command.paymentId().value(), store.append(stream, ExpectedVersion.NO_STREAM, events).version(),
            events);
      } catch (WrongExpectedVersionException exists) {
        // fall through: a payment by that id exists (or a retry of this very command won the race)
      }
    }
    // read-your-writes: the store reads a stream by id (real-time), never through search
    List<RecordedEvent> history = store.read(stream, 1);
    Optional<PaymentReceipt> earlier = receiptOf(history, command, context.commandId());
    if (earlier.isPresent()) {
      return earlier.get();
    }
    int version = history.size();
    List<NewEvent> events = decide(command, context, history);
    try {
      int stored = store.append(stream, ExpectedVersion.exactly(version), events).version();
      return receipt(command.paymentId().value(), stored, events);
    } catch (WrongExpectedVersionException conflict) {
      // a concurrent retry of this very command may have won the race: that is success, not a conflict
      return receiptOf(store.read(stream, version + 1), command, context.commandId()).orElseThrow(() -> conflict);
    }
  }

  /**
   * Many payments in one go. New payments (the common case) are decided on empty streams and
   * created in one append; the others, and any whose stream turned out to exist, are then read in
   * one go and appended in one more. Each payment is decided, stored and reported on its own; one
   * refusal does not lose the others.
   */
  public List<PaymentOutcome> handleAll(List<ProcessPayment> commands, List<CommandContext> contexts) {
    PaymentOutcome[] outcomes = new PaymentOutcome[commands.size()];
    List<Integer> maybeNew = new ArrayList<>();
    for (int i = 0; i < commands.size(); i++) {
      if (mayBeNew(commands.get(i))) {
        maybeNew.add(i);
      }
    }
    decideAndAppend(commands, contexts, maybeNew, null, outcomes);
    List<Integer> rest = new ArrayList<>();
    for (int i = 0; i < commands.size(); i++) {
      if (outcomes[i] == null) {
        rest.add(i);
      }
    }
    if (!rest.isEmpty()) {
      List<StreamId> streams = rest.stream()
          .map(i -> PaymentStreams.of(contexts.get(i).organizationId(), commands.get(i).paymentId())).distinct().toList();
      decideAndAppend(commands, contexts, rest, store.readAll(streams), outcomes);
    }
    return List.of(outcomes);
  }

  /**
   * Decides the commands at {@code indexes} on their histories ({@code null}: on empty streams,
   * where a stream that exists after all leaves its outcome unset) and appends what they decided.
   */
  private void decideAndAppend(List<ProcessPayment> commands, List<CommandContext> contexts, List<Integer> indexes,
      Map<StreamId, List<RecordedEvent>> histories, PaymentOutcome[] outcomes) {
    List<Integer> appending = new ArrayList<>();
    List<AppendRequest> requests = new ArrayList<>();
    for (int i : indexes) {
      StreamId stream = PaymentStreams.of(contexts.get(i).organizationId(), commands.get(i).paymentId());
      List<RecordedEvent> history = histories == null ? List.of() : histories.get(stream);
      try {
        Optional<PaymentReceipt> earlier = receiptOf(history, commands.get(i), contexts.get(i).commandId());
        if (earlier.isPresent()) {
          outcomes[i] = PaymentOutcome.processed(earlier.get());
          continue;
        }
        List<NewEvent> events = decide(commands.get(i), contexts.get(i), history);
        appending.add(i);
        requests.add(new AppendRequest(stream, ExpectedVersion.exactly(history.size()), events));
      } catch (PaymentRejectedException | RuntimeException refused) {
        outcomes[i] = PaymentOutcome.refused(commands.get(i).paymentId().value(), refused, history.size());
      }
    }
    List<AppendOutcome> appended = requests.isEmpty() ? List.of() : store.appendAll(requests);
    for (int k = 0; k < appending.size(); k++) {
      int i = appending.get(k);
      AppendOutcome outcome = appended.get(k);
      String paymentId = commands.get(i).paymentId().value();
      if (outcome.isStored()) {
        outcomes[i] = PaymentOutcome.processed(receipt(paymentId, outcome.result().version(), requests.get(k).events()));
      } else if (histories != null || !(outcome.failure() instanceof WrongExpectedVersionException)) {
        outcomes[i] = PaymentOutcome.refused(paymentId, outcome.failure(), requests.get(k).expected().value());
      }
    }
  }

  /** Nothing but an empty stream can satisfy the command (no expected version, or version 0). */
  private static boolean mayBeNew(ProcessPayment command) {
    return command.expectedVersion().isEmpty() || command.expectedVersion().getAsInt() == 0;
  }

  /** Checks the caller's expected version and lets the payment decide; the events to append. */
  private List<NewEvent> decide(ProcessPayment command, CommandContext context, List<RecordedEvent> history)
      throws PaymentRejectedException {
    int version = history.size();
    if (command.expectedVersion().isPresent() && command.expectedVersion().getAsInt() != version) {
      throw new WrongExpectedVersionException(
          PaymentStreams.of(context.organizationId(), command.paymentId()),
          ExpectedVersion.exactly(command.expectedVersion().getAsInt()), version);
    }
    Payment payment = Payment.fromHistory(command.paymentId(), decode(history));
    payment.process(command, clock.instant());
    return encode(payment.releaseEvents(), context);
  }

  private List<PaymentEvent> decode(List<RecordedEvent> history) {
    return history.stream().map(e -> serializer.deserialize(e.eventType(), e.data())).toList();
  }

  private List<NewEvent> encode(List<PaymentEvent> decided, CommandContext context) {
    String commandId = context.commandId();
    String correlationId = firstNonNull(context.correlationId(), commandId, UUID.randomUUID().toString());
    String causationId = firstNonNull(context.causationId(), commandId, correlationId);
    EventMetadata metadata =
        new EventMetadata(correlationId, causationId, context.organizationId(), context.userId(), commandId);
    return decided.stream()
        .map(e -> new NewEvent(UUID.randomUUID().toString(), e.eventType(), serializer.serialize(e),
            clock.instant(), metadata))
        .toList();
  }

  /**
   * The receipt of an earlier run of this command, found by its command id; a command id that was
   * used for a different command (another amount or currency) is refused.
   */
  private Optional<PaymentReceipt> receiptOf(List<RecordedEvent> history, ProcessPayment command, String commandId) {
    if (commandId == null) {
      return Optional.empty();
    }
    List<RecordedEvent> ofCommand =
        history.stream().filter(e -> commandId.equals(e.metadata().commandId())).toList();
    if (ofCommand.isEmpty()) {
      return Optional.empty();
    }
    for (RecordedEvent earlier : ofCommand) {
      if (serializer.deserialize(earlier.eventType(), earlier.data()) instanceof PaymentProcessed processed
          && !sameMoney(processed.money(), command.amount())) {
        throw new CommandIdReusedException(commandId, command.paymentId().value());
      }
    }
    RecordedEvent last = ofCommand.get(ofCommand.size() - 1);
    return Optional.of(new PaymentReceipt(PaymentStreams.localId(last.stream().aggregateId()), last.version(),
        ofCommand.stream().map(RecordedEvent::eventId).toList(), last.metadata().correlationId()));
  }

  private static boolean sameMoney(Money a, Money b) {
    return a.currency().equals(b.currency()) && a.amount().compareTo(b.amount()) == 0;
  }

  private static PaymentReceipt receipt(String paymentId, int version, List<NewEvent> events) {
    return new PaymentReceipt(paymentId, version, events.stream().map(NewEvent::eventId).toList(),
        events.get(0).metadata().correlationId());
  }

  private static String firstNonNull(String... candidates) {
    for (String candidate : candidates) {
      if (candidate != null) {
        return candidate;
      }
    }
    return null;
  }
}
