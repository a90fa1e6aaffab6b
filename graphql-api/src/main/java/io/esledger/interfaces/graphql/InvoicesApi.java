package io.esledger.interfaces.graphql;

import static io.esledger.interfaces.graphql.errors.Errors.translated;

import io.esledger.analytics.consistency.ReadConsistency;
import io.esledger.application.CommandContext;
import io.esledger.application.eventstore.RecordedEvent;
import io.esledger.application.invoice.InvoiceCommandHandler;
import io.esledger.application.invoice.InvoiceQueries;
import io.esledger.domain.model.invoice.InvoiceId;
import io.esledger.domain.model.invoice.IssueInvoice;
import io.esledger.domain.model.payment.Money;
import io.esledger.interfaces.graphql.errors.ApiException;
import io.esledger.interfaces.graphql.security.Caller;
import io.esledger.interfaces.graphql.security.Callers;
import io.esledger.interfaces.graphql.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.OptionalInt;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

/**
 * Invoices: issued by a mutation, paid by payments that name them (a process manager applies each
 * captured payment to its invoice), read straight from their streams. Invoices are an
 * organization's own, like payments.
 */
@GraphQLApi
@ApplicationScoped
public class InvoicesApi {

  @Inject InvoiceCommandHandler handler;
  @Inject InvoiceQueries invoices;
  @Inject InputValidation validation;
  @Inject ReadConsistency consistency;
  @Inject Callers callers;
  @Inject Clock clock;
  @Inject StoreReads reads;

  @Mutation
  @Description("Issues an invoice once (INVOICE_ALREADY_ISSUED if the id is taken in your organization). Authorize "
      + "or process payments with its invoiceId to pay it.")
  public @NonNull InvoiceReceiptView issueInvoice(@NonNull IssueInvoiceInput input) throws ApiException {
    Caller caller = callers.require(Role.PAYMENTS_WRITE);
    return translated("issueInvoice", () -> {
      IssueInvoiceInput valid = validation.valid(input);
      IssueInvoice command = new IssueInvoice(new InvoiceId(valid.invoiceId()),
          Money.of(valid.amount(), valid.currency()), valid.dueDay(), valid.description(), OptionalInt.empty());
      CommandContext context = new CommandContext(valid.commandId(), valid.correlationId(), null,
          caller.organizationId(), caller.subject());
      return InvoiceReceiptView.of(handler.handle(command, context), consistency.tokenNow());
    });
  }

  @Query
  @Description("An invoice of your organization replayed from its events; null when there is none. Payments are "
      + "applied a moment after their capture: pass a capture's consistencyToken in consistentWith to wait for it")
  public InvoiceView invoice(@NonNull @Id String invoiceId, List<String> consistentWith) throws ApiException {
    Caller caller = callers.require(Role.PAYMENTS_READ);
    return translated("invoice", () -> reads.read(() -> {
      consistency.invoicePayments(Tokens.valid(consistentWith));
      return invoices.invoice(caller.organizationId(), new InvoiceId(InputValidation.id("invoiceId", invoiceId)))
          .map(replayed -> InvoiceView.of(replayed, clock.instant())).orElse(null);
    }));
  }

  @Query
  @Description("An invoice's events, version ascending (issued, payments applied, paid)")
  public @NonNull List<@NonNull StoredEventView> invoiceHistory(@NonNull @Id String invoiceId) throws ApiException {
    Caller caller = callers.require(Role.PAYMENTS_READ);
    return translated("invoiceHistory", () -> reads.read(() -> {
      List<RecordedEvent> history = invoices.history(caller.organizationId(),
          new InvoiceId(InputValidation.id("invoiceId", invoiceId)));
      return history.stream().map(StoredEventView::of).toList();
    }));
  }
}
