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
import io.esledger.domain.model.payment.PaymentCommand;
import io.esledger.domain.model.payment.PaymentEvent;
import io.esledger.domain.model.payment.PaymentRejectedException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs payment commands, one or many, on one path: load each payment from its stream, let it
 * decide, append what it decided at the version it was loaded at — all the events of one command
 * in one atomic commit. A command that may start a payment is first decided on an empty stream
 * and created without a read; if the stream exists after all, it is read and decided again. A
 * retried command (same command id) returns the first result and stores nothing.
 */
@Singleton
public class PaymentCommandHandler {

  /**
   * Metadata key on every event of a payment that names an invoice: its invoice id, so whoever
   * settles invoices can ask the log for those events alone.
   */
  public static final String INVOICE_ID = "invoiceId";

  private final EventStore store;
  private final PaymentEventSerializer serializer;
  private final Clock clock;

  @Inject
  public PaymentCommandHandler(EventStore store, PaymentEventSerializer serializer, Clock clock) {
    this.store = store;
    this.serializer = serializer;
    this.clock = clock;
  }

  /** One command: the batch path with one item; its refusal is thrown. */
  public PaymentReceipt handle(PaymentCommand command, CommandContext context) throws PaymentRejectedException {
    PaymentOutcome outcome = handleAll(List.of(command), List.of(context)).get(0);
    if (outcome.receipt() != null) {
      return outcome.receipt();
    }
    if (outcome.failure() instanceof PaymentRejectedException rejected) {
      throw rejected;
    }
    throw (RuntimeException) outcome.failure();
  }

  /**
   * Many commands in one go. Those that may start a payment are decided on empty streams and
   * created in one append; the others, and any whose stream turned out to exist, are then read in
   * one go and appended in one more. Each command is decided, stored and reported on its own; one
   * refusal does not lose the others.
   */
  public List<PaymentOutcome> handleAll(List<? extends PaymentCommand> commands, List<CommandContext> contexts) {
    PaymentOutcome[] outcomes = new PaymentOutcome[commands.size()];
    StreamId[] streams = new StreamId[commands.size()];
    List<Integer> maybeNew = new ArrayList<>();
    for (int i = 0; i < commands.size(); i++) {
      streams[i] = PaymentStreams.of(contexts.get(i).organizationId(), commands.get(i).paymentId());
      if (mayBeNew(commands.get(i))) {
        maybeNew.add(i);
      }
    }
    decideAndAppend(commands, contexts, streams, maybeNew, null, outcomes);
    List<Integer> rest = unanswered(outcomes);
    if (!rest.isEmpty()) {
      Map<StreamId, List<RecordedEvent>> histories = new HashMap<>(store.readAll(distinct(streams, rest)));
      onLegacyStreams(commands, contexts, streams, rest, histories);
      List<Integer> raced = decideAndAppend(commands, contexts, streams, rest, histories, outcomes);
      retriesThatWon(commands, contexts, streams, raced, outcomes);
    }
    return List.of(outcomes);
  }

  /**
   * Payments stored before organizations were part of stream names live in {@code Payment:<id>}. A
   * command that needs an existing payment and finds none under the organization's name acts on
   * such a stream instead, when every event of it is the caller's organization's.
   */
  private void onLegacyStreams(List<? extends PaymentCommand> commands, List<CommandContext> contexts,
      StreamId[] streams, List<Integer> indexes, Map<StreamId, List<RecordedEvent>> histories) {
    List<Integer> candidates = indexes.stream()
        .filter(i -> !commands.get(i).mayCreate() && contexts.get(i).organizationId() != null
            && histories.getOrDefault(streams[i], List.of()).isEmpty())
        .toList();
    if (candidates.isEmpty()) {
      return;
    }
    Map<StreamId, List<RecordedEvent>> legacy = store.readAll(
        candidates.stream().map(i -> PaymentStreams.legacy(commands.get(i).paymentId())).distinct().toList());
    for (int i : candidates) {
      StreamId old = PaymentStreams.legacy(commands.get(i).paymentId());
      List<RecordedEvent> history = legacy.getOrDefault(old, List.of());
      String organization = contexts.get(i).organizationId();
      if (!history.isEmpty() && history.stream().allMatch(e -> organization.equals(e.metadata().organizationId()))) {
        streams[i] = old;
        histories.put(old, history);
      }
    }
  }

  /**
   * An append that lost a race on a stream just read may have lost it to a concurrent retry of the
   * same command: that is success, not a conflict. Such streams are read once more and the earlier
   * receipt is returned. (A stale expectedVersion found before appending was judged on the history
   * in hand and is not read again.)
   */
  private void retriesThatWon(List<? extends PaymentCommand> commands, List<CommandContext> contexts,
      StreamId[] streams, List<Integer> raced, PaymentOutcome[] outcomes) {
    List<Integer> conflicted = raced.stream().filter(i -> contexts.get(i).commandId() != null).toList();
    if (conflicted.isEmpty()) {
      return;
    }
    Map<StreamId, List<RecordedEvent>> histories = store.readAll(distinct(streams, conflicted));
    for (int i : conflicted) {
      try {
        receiptOf(histories.get(streams[i]), commands.get(i), contexts.get(i).commandId())
            .ifPresent(earlier -> outcomes[i] = PaymentOutcome.processed(earlier));
      } catch (CommandIdReusedException reused) {
        outcomes[i] = PaymentOutcome.refused(commands.get(i).paymentId().value(), reused, outcomes[i].version());
      }
    }
  }

  private static List<Integer> unanswered(PaymentOutcome[] outcomes) {
    List<Integer> rest = new ArrayList<>();
    for (int i = 0; i < outcomes.length; i++) {
      if (outcomes[i] == null) {
        rest.add(i);
      }
    }
    return rest;
  }

  private static List<StreamId> distinct(StreamId[] streams, List<Integer> indexes) {
    return indexes.stream().map(i -> streams[i]).distinct().toList();
  }

  /**
   * Decides the commands at {@code indexes} on their histories ({@code null}: on empty streams,
   * where a stream that exists after all leaves its outcome unset) and appends what they decided.
   * Returns the commands whose append, decided on a history read, lost a race to another writer.
   */
  private List<Integer> decideAndAppend(List<? extends PaymentCommand> commands, List<CommandContext> contexts,
      StreamId[] streams, List<Integer> indexes, Map<StreamId, List<RecordedEvent>> histories,
      PaymentOutcome[] outcomes) {
    List<Integer> appending = new ArrayList<>();
    List<AppendRequest> requests = new ArrayList<>();
    for (int i : indexes) {
      PaymentCommand command = commands.get(i);
      StreamId stream = streams[i];
      List<RecordedEvent> history = histories == null ? List.of() : histories.getOrDefault(stream, List.of());
      try {
        Optional<PaymentReceipt> earlier = receiptOf(history, command, contexts.get(i).commandId());
        if (earlier.isPresent()) {
          outcomes[i] = PaymentOutcome.processed(earlier.get());
          continue;
        }
        List<NewEvent> events = decide(command, stream, contexts.get(i), history);
        appending.add(i);
        requests.add(new AppendRequest(stream, ExpectedVersion.exactly(history.size()), events));
      } catch (PaymentRejectedException | RuntimeException refused) {
        outcomes[i] = PaymentOutcome.refused(command.paymentId().value(), refused, history.size());
      }
    }
    List<AppendOutcome> appended = append(requests);
    List<Integer> raced = new ArrayList<>();
    for (int k = 0; k < appending.size(); k++) {
      int i = appending.get(k);
      AppendOutcome outcome = appended.get(k);
      String paymentId = commands.get(i).paymentId().value();
      if (outcome.isStored()) {
        outcomes[i] = PaymentOutcome.processed(receipt(paymentId, outcome.result().version(), requests.get(k).events()));
      } else if (histories == null && outcome.streamAlreadyExists()) {
        continue; // decided as new, but the payment exists: left unanswered, it is read and decided again
      } else {
        outcomes[i] = PaymentOutcome.refused(paymentId, outcome.failure(), requests.get(k).expected().value());
        if (outcome.isConflict()) {
          raced.add(i); // lost a race on a stream just read: perhaps to a retry of this very command
        }
      }
    }
    return raced;
  }

  /**
   * One append goes through the store's single append (which concurrent callers share: group
   * commit); several go in one batch.
   */
  private List<AppendOutcome> append(List<AppendRequest> requests) {
    if (requests.isEmpty()) {
      return List.of();
    }
    if (requests.size() > 1) {
      return store.appendAll(requests);
    }
    AppendRequest only = requests.get(0);
    try {
      return List.of(AppendOutcome.stored(store.append(only.stream(), only.expected(), only.events())));
    } catch (RuntimeException refused) {
      return List.of(AppendOutcome.refused(refused));
    }
  }

  /** Nothing but an empty stream can satisfy the command (no expected version, or version 0). */
  private static boolean mayBeNew(PaymentCommand command) {
    return command.mayCreate()
        && (command.expectedVersion().isEmpty() || command.expectedVersion().getAsInt() == 0);
  }

  /** Checks the caller's expected version and lets the payment decide; the events to append. */
  private List<NewEvent> decide(PaymentCommand command, StreamId stream, CommandContext context,
      List<RecordedEvent> history) throws PaymentRejectedException {
    int version = history.size();
    if (command.expectedVersion().isPresent() && command.expectedVersion().getAsInt() != version) {
      throw new WrongExpectedVersionException(stream,
          ExpectedVersion.exactly(command.expectedVersion().getAsInt()), version);
    }
    Payment payment = Payment.fromHistory(command.paymentId(), decode(history));
    payment.handle(command, clock.instant());
    return encode(payment.releaseEvents(), context, payment.state().invoiceId());
  }

  private List<PaymentEvent> decode(List<RecordedEvent> history) {
    return history.stream().map(serializer::deserialize).toList();
  }

  private List<NewEvent> encode(List<PaymentEvent> decided, CommandContext context, String invoiceId) {
    EventMetadata metadata = invoiceId == null ? context.metadata() : context.metadata().with(INVOICE_ID, invoiceId);
    return decided.stream()
        .map(e -> new NewEvent(UUID.randomUUID().toString(), e.eventType(), serializer.schemaVersion(e.eventType()),
            serializer.serialize(e),
            clock.instant(), metadata))
        .toList();
  }

  /**
   * The receipt of an earlier run of this command, found by its command id; a command id that was
   * used for a different command (another kind, amount or currency) is refused.
   */
  private Optional<PaymentReceipt> receiptOf(List<RecordedEvent> history, PaymentCommand command, String commandId) {
    if (commandId == null || history == null) {
      return Optional.empty();
    }
    List<RecordedEvent> ofCommand =
        history.stream().filter(e -> commandId.equals(e.metadata().commandId())).toList();
    if (ofCommand.isEmpty()) {
      return Optional.empty();
    }
    RecordedEvent first = ofCommand.get(0);
    if (!command.isRetryOf(serializer.deserialize(first))) {
      throw new CommandIdReusedException(commandId, command.paymentId().value());
    }
    RecordedEvent last = ofCommand.get(ofCommand.size() - 1);
    return Optional.of(new PaymentReceipt(PaymentStreams.localId(last.stream().aggregateId()), last.version(),
        ofCommand.stream().map(RecordedEvent::eventId).toList(), last.metadata().correlationId()));
  }

  private static PaymentReceipt receipt(String paymentId, int version, List<NewEvent> events) {
    return new PaymentReceipt(paymentId, version, events.stream().map(NewEvent::eventId).toList(),
        events.get(0).metadata().correlationId());
  }
}
