package io.esledger.analytics.projection;

import io.esledger.application.CommandIdReusedException;
import io.esledger.application.eventstore.EventStore;
import io.esledger.application.eventstore.EventStoreUnavailableException;
import io.esledger.application.eventstore.LogEntry;
import io.esledger.application.eventstore.LogPage;
import io.esledger.application.eventstore.OutcomeUnknownException;
import io.esledger.application.invoice.InvoiceSettlement;
import io.esledger.domain.model.invoice.InvoiceRejectedException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * The invoice process manager: follows the payment events of the log (on one app instance at a time,
 * from a durable checkpoint, like the projections) and hands every capture to
 * {@link InvoiceSettlement}, which applies its money to the invoice it names. Redelivered pages are
 * harmless (each application's command id is the capture's event id). A capture the invoice refuses
 * (no such invoice in the payment's organization, another currency) is parked for an operator with
 * the reason and logged; an outage is retried until it ends; any other failure a few times, then parked.
 */
public final class InvoicePaymentsProcess extends LeasedSubscriber {

  public static final String NAME = "invoice-payments";
  private static final Logger LOG = Logger.getLogger(InvoicePaymentsProcess.class.getName());
  private static final int PAGE = 200;
  private static final int ATTEMPTS = 4;
  private static final Duration FIRST_RETRY = Duration.ofMillis(200);

  private final InvoiceSettlement settlement;
  private final ParkedEvents parked;
  private final AtomicLong settled = new AtomicLong();
  private final AtomicLong parkedCount = new AtomicLong();

  InvoicePaymentsProcess(EventStore store, InvoiceSettlement settlement, ProjectionLease lease, ParkedEvents parked,
      Clock clock, ThreadFactory threads) {
    super(NAME, "invoice payments process", store, InvoiceSettlement.CAPTURES_FOR_INVOICES, PAGE, lease, clock,
        threads);
    this.settlement = settlement;
    this.parked = parked;
  }

  /** Payments applied to invoices by this instance since it started. */
  public long settled() {
    return settled.get();
  }

  public long parkedCount() {
    return parkedCount.get();
  }

  List<ParkedEvents.Parked> parked(int max) throws IOException {
    return parked.recent(NAME, max);
  }

  @Override
  protected void handle(LogPage page) throws Exception {
    for (LogEntry entry : page.entries()) {
      if (InvoiceSettlement.mayConcern(entry.event())) {
        settle(entry);
      }
    }
  }

  private void settle(LogEntry entry) throws Exception {
    for (int attempt = 1; ; attempt++) {
      try {
        settlement.react(entry.event()).ifPresent(receipt -> settled.incrementAndGet());
        return;
      } catch (EventStoreUnavailableException | OutcomeUnknownException outage) {
        throw outage; // the page is retried (and the command with its id is safe to repeat)
      } catch (InvoiceRejectedException | CommandIdReusedException refused) {
        park(entry, refused.getMessage());
        return;
      } catch (RuntimeException failure) {
        if (attempt == ATTEMPTS) {
          park(entry, "cannot apply: " + failure);
          return;
        }
        Thread.sleep(FIRST_RETRY.toMillis() << (2 * (attempt - 1)));
      }
    }
  }

  private void park(LogEntry entry, String reason) throws IOException {
    LOG.warning(() -> "invoice payments process parks " + entry.event().stream() + " v" + entry.event().version()
        + " (event " + entry.event().eventId() + "): " + reason);
    parked.park(NAME, entry, reason, clock.instant());
    parkedCount.incrementAndGet();
  }
}
