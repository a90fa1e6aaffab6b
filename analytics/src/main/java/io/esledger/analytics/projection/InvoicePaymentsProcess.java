package io.esledger.analytics.projection;

import io.esledger.application.CommandIdReusedException;
import io.esledger.application.eventstore.EventStore;
import io.esledger.application.eventstore.EventStoreUnavailableException;
import io.esledger.application.eventstore.LogEntry;
import io.esledger.application.eventstore.LogPage;
import io.esledger.application.eventstore.OutcomeUnknownException;
import io.esledger.application.invoice.InvoiceSettlement;
import io.esledger.domain.model.invoice.InvoiceRejectedException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadFactory;

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
  private static final int PAGE = 200;
  private static final int ATTEMPTS = 4;
  private static final Duration FIRST_RETRY = Duration.ofMillis(200);

  private final InvoiceSettlement settlement;

  InvoicePaymentsProcess(EventStore store, InvoiceSettlement settlement, ProjectionLease lease, ParkedEvents parked,
      Clock clock, ThreadFactory threads) {
    super(NAME, "invoice payments process", store, InvoiceSettlement.CAPTURES_FOR_INVOICES, PAGE, lease, parked,
        clock, threads);
    this.settlement = settlement;
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
        settlement.react(entry.event());
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
}
