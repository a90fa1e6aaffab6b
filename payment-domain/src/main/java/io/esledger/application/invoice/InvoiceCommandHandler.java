package io.esledger.application.invoice;

import io.esledger.application.CommandContext;
import io.esledger.application.CommandIdReusedException;
import io.esledger.application.InvoiceEventSerializer;
import io.esledger.application.eventstore.EventMetadata;
import io.esledger.application.eventstore.EventStore;
import io.esledger.application.eventstore.ExpectedVersion;
import io.esledger.application.eventstore.NewEvent;
import io.esledger.application.eventstore.RecordedEvent;
import io.esledger.application.eventstore.StreamId;
import io.esledger.application.eventstore.WrongExpectedVersionException;
import io.esledger.domain.model.invoice.Invoice;
import io.esledger.domain.model.invoice.InvoiceCommand;
import io.esledger.domain.model.invoice.InvoiceEvent;
import io.esledger.domain.model.invoice.InvoiceRejectedException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs invoice commands: read the invoice's stream, let it decide, append at the version read — the
 * events of one command in one commit. A command without an expected version that loses a race to
 * another writer is read and decided again (a few times); one with an expected version is refused.
 * A retried command (same command id) returns the first receipt and stores nothing.
 */
@Singleton
public class InvoiceCommandHandler {

  private static final int ATTEMPTS = 5;

  private final EventStore store;
  private final InvoiceEventSerializer serializer;
  private final Clock clock;

  @Inject
  public InvoiceCommandHandler(EventStore store, InvoiceEventSerializer serializer, Clock clock) {
    this.store = store;
    this.serializer = serializer;
    this.clock = clock;
  }

  public InvoiceReceipt handle(InvoiceCommand command, CommandContext context) throws InvoiceRejectedException {
    StreamId stream = InvoiceStreams.of(context.organizationId(), command.invoiceId());
    for (int attempt = 1; ; attempt++) {
      List<RecordedEvent> history = store.read(stream, 1);
      Optional<InvoiceReceipt> earlier = receiptOf(history, command, context.commandId());
      if (earlier.isPresent()) {
        return earlier.get();
      }
      int version = history.size();
      if (command.expectedVersion().isPresent() && command.expectedVersion().getAsInt() != version) {
        throw new WrongExpectedVersionException(stream, ExpectedVersion.exactly(command.expectedVersion().getAsInt()),
            version);
      }
      Invoice invoice = Invoice.fromHistory(command.invoiceId(), history.stream().map(serializer::deserialize).toList());
      invoice.handle(command, clock.instant());
      EventMetadata metadata = context.metadata();
      List<NewEvent> events = invoice.releaseEvents().stream()
          .map(e -> new NewEvent(UUID.randomUUID().toString(), e.eventType(), serializer.serialize(e), clock.instant(),
              metadata))
          .toList();
      try {
        int stored = store.append(stream, ExpectedVersion.exactly(version), events).version();
        return new InvoiceReceipt(command.invoiceId().value(), stored, events.stream().map(NewEvent::eventId).toList(),
            metadata.correlationId());
      } catch (WrongExpectedVersionException raced) {
        if (attempt == ATTEMPTS) {
          throw raced;
        }
        // read again: the winner may be a retry of this very command, or the rules may now say otherwise
      }
    }
  }

  private Optional<InvoiceReceipt> receiptOf(List<RecordedEvent> history, InvoiceCommand command, String commandId) {
    if (commandId == null) {
      return Optional.empty();
    }
    List<RecordedEvent> ofCommand = history.stream().filter(e -> commandId.equals(e.metadata().commandId())).toList();
    if (ofCommand.isEmpty()) {
      return Optional.empty();
    }
    InvoiceEvent first = serializer.deserialize(ofCommand.get(0));
    if (!command.isRetryOf(first)) {
      throw new CommandIdReusedException(commandId, "invoice", command.invoiceId().value());
    }
    RecordedEvent last = ofCommand.get(ofCommand.size() - 1);
    return Optional.of(new InvoiceReceipt(command.invoiceId().value(), last.version(),
        ofCommand.stream().map(RecordedEvent::eventId).toList(), last.metadata().correlationId()));
  }
}
