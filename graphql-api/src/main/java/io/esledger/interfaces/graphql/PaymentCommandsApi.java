package io.esledger.interfaces.graphql;

import static io.esledger.interfaces.graphql.errors.Errors.translated;

import io.esledger.analytics.consistency.ReadConsistency;
import io.esledger.application.CommandContext;
import io.esledger.application.PaymentOutcome;
import io.esledger.application.PaymentReceipt;
import io.esledger.application.PaymentCommandHandler;
import io.esledger.application.invoice.InvoiceQueries;
import io.esledger.domain.model.invoice.InvoiceId;
import io.esledger.domain.model.invoice.InvoiceRejectedException;
import io.esledger.domain.model.payment.AuthorizePayment;
import io.esledger.domain.model.payment.CapturePayment;
import io.esledger.domain.model.payment.FailPayment;
import io.esledger.domain.model.payment.Money;
import io.esledger.domain.model.payment.OpenDispute;
import io.esledger.domain.model.payment.PaymentCommand;
import io.esledger.domain.model.payment.PaymentId;
import io.esledger.domain.model.payment.ProcessPayment;
import io.esledger.domain.model.payment.ReasonCode;
import io.esledger.domain.model.payment.RefundPayment;
import io.esledger.domain.model.payment.ResolveDispute;
import io.esledger.domain.model.payment.VoidPayment;
import io.esledger.interfaces.graphql.errors.ApiException;
import io.esledger.interfaces.graphql.errors.Errors;
import io.esledger.interfaces.graphql.errors.ValidationFailedException;
import io.esledger.interfaces.graphql.security.Caller;
import io.esledger.interfaces.graphql.security.Callers;
import io.esledger.interfaces.graphql.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;

/**
 * Mutations: each runs one command through its CDI command handler. They need {@code payments:write};
 * the organization and user stored with each payment are the token's, never the input's.
 */
@GraphQLApi
@ApplicationScoped
public class PaymentCommandsApi {

  static final int MAX_BATCH = 1000;

  @Inject
  PaymentCommandHandler handler;

  @Inject
  InputValidation validation;

  @Inject
  ReadConsistency consistency;

  @Inject
  Callers callers;

  @Inject
  InvoiceQueries invoices;

  @Mutation
  @Description("Processes a payment once. A retry with the same commandId returns the first receipt.")
  public @NonNull PaymentReceiptView processPayment(@NonNull ProcessPaymentInput input) throws ApiException {
    Caller caller = callers.require(Role.PAYMENTS_WRITE);
    return translated("processPayment", () -> {
      ProcessPaymentInput valid = validation.valid(input);
      CommandContext context = context(valid, caller);
      payable(context, valid.invoiceId(), valid.currency());
      PaymentReceipt receipt = handler.handle(command(valid), context);
      return PaymentReceiptView.of(receipt, consistency.tokenNow()); // taken after the append was acknowledged
    });
  }

  @Mutation
  @Description("Processes up to " + MAX_BATCH + " payments in one request: one read and one append for all of them. "
      + "Each payment is atomic and concurrency-checked on its own; a refused one has `error` set (and nothing "
      + "stored for it) without affecting the others. Receipts are in the order of the inputs.")
  public @NonNull List<@NonNull PaymentReceiptView> processPayments(@NonNull List<@NonNull ProcessPaymentInput> inputs)
      throws ApiException {
    Caller caller = callers.require(Role.PAYMENTS_WRITE);
    if (inputs.size() > MAX_BATCH) {
      throw new ValidationFailedException("inputs", "at most " + MAX_BATCH + " payments per request");
    }
    return translated("processPayments", () -> {
      PaymentReceiptView[] receipts = new PaymentReceiptView[inputs.size()];
      List<Integer> accepted = new ArrayList<>();
      List<ProcessPayment> commands = new ArrayList<>();
      List<CommandContext> contexts = new ArrayList<>();
      for (int i = 0; i < inputs.size(); i++) {
        ProcessPaymentInput input = inputs.get(i);
        try {
          ProcessPaymentInput valid = validation.valid(input);
          CommandContext context = context(valid, caller);
          payable(context, valid.invoiceId(), valid.currency());
          commands.add(command(valid));
          contexts.add(context);
          accepted.add(i);
        } catch (Exception invalid) {
          receipts[i] = PaymentReceiptView.refused(input.paymentId(), 0, input.correlationId(), "",
              Errors.toApi("processPayments", invalid));
        }
      }
      List<PaymentOutcome> outcomes = commands.isEmpty() ? List.of() : handler.handleAll(commands, contexts);
      String token = consistency.tokenNow(); // after every append of the batch was acknowledged
      for (int k = 0; k < outcomes.size(); k++) {
        PaymentOutcome outcome = outcomes.get(k);
        int i = accepted.get(k);
        receipts[i] = outcome.receipt() != null
            ? PaymentReceiptView.of(outcome.receipt(), token)
            : PaymentReceiptView.refused(outcome.paymentId(), outcome.version(), inputs.get(i).correlationId(), token,
                Errors.toApi("processPayments", outcome.failure()));
      }
      return List.of(receipts);
    });
  }

  @Mutation
  @Description("Authorizes (reserves) an amount on a new payment; capture it later with capturePayment.")
  public @NonNull PaymentReceiptView authorizePayment(@NonNull AuthorizePaymentInput input) throws ApiException {
    return run("authorizePayment", input, (valid, context) -> {
      payable(context, valid.invoiceId(), valid.currency());
      return new AuthorizePayment(new PaymentId(valid.paymentId()), Money.of(valid.amount(), valid.currency()),
          expected(valid), InvoiceId.ofNullable(valid.invoiceId()));
    });
  }

  @Mutation
  @Description("Captures part or all of what is authorized (never more: AMOUNT_EXCEEDS_AUTHORIZED). The capture that "
      + "leaves nothing to capture, or one marked last, also records PaymentCaptureCompleted in the same commit.")
  public @NonNull PaymentReceiptView capturePayment(@NonNull CapturePaymentInput input) throws ApiException {
    return run("capturePayment", input, (valid, context) ->
        new CapturePayment(new PaymentId(valid.paymentId()), valid.amount(),
            Boolean.TRUE.equals(valid.last()), expected(valid)));
  }

  @Mutation
  @Description("Refunds part or all of what was captured and is not yet refunded (never more: AMOUNT_EXCEEDS_CAPTURED).")
  public @NonNull PaymentReceiptView refundPayment(@NonNull RefundPaymentInput input) throws ApiException {
    return run("refundPayment", input, (valid, context) ->
        new RefundPayment(new PaymentId(valid.paymentId()), valid.amount(),
            valid.reason(), expected(valid)));
  }

  @Mutation
  @Description("Cancels an authorization before anything was captured (afterwards: INVALID_TRANSITION).")
  public @NonNull PaymentReceiptView voidPayment(@NonNull VoidPaymentInput input) throws ApiException {
    return run("voidPayment", input, (valid, context) ->
        new VoidPayment(new PaymentId(valid.paymentId()), expected(valid)));
  }

  @Mutation
  @Description("Records that a payment failed, with a reason code: a new payment (created FAILED) or an authorized one "
      + "with nothing captured.")
  public @NonNull PaymentReceiptView failPayment(@NonNull FailPaymentInput input) throws ApiException {
    return run("failPayment", input, (valid, context) ->
        new FailPayment(new PaymentId(valid.paymentId()),
            new ReasonCode(valid.reasonCode()), attempted(valid), expected(valid)));
  }

  @Mutation
  @Description("Opens a dispute (chargeback) over part or all of what was captured and not refunded; one at a time.")
  public @NonNull PaymentReceiptView openDispute(@NonNull OpenDisputeInput input) throws ApiException {
    return run("openDispute", input, (valid, context) ->
        new OpenDispute(new PaymentId(valid.paymentId()), valid.amount(),
            new ReasonCode(valid.reasonCode()), expected(valid)));
  }

  @Mutation
  @Description("Decides the open dispute: WON keeps the money, LOST charges the disputed amount back.")
  public @NonNull PaymentReceiptView resolveDispute(@NonNull ResolveDisputeInput input) throws ApiException {
    return run("resolveDispute", input, (valid, context) ->
        new ResolveDispute(new PaymentId(valid.paymentId()),
            valid.outcome() == DisputeOutcome.WON, expected(valid)));
  }

  /** A command on a payment of the caller's organization, by the caller, through the one command path. */
  private <I extends CommandInput> PaymentReceiptView run(String operation, I input, CommandOf<I> command)
      throws ApiException {
    Caller caller = callers.require(Role.PAYMENTS_WRITE);
    return translated(operation, () -> {
      I valid = validation.valid(input);
      CommandContext context = new CommandContext(valid.commandId(), valid.correlationId(), valid.causationId(),
          caller.organizationId(), caller.subject());
      PaymentReceipt receipt = handler.handle(command.of(valid, context), context);
      return PaymentReceiptView.of(receipt, consistency.tokenNow()); // taken after the append was acknowledged
    });
  }

  @FunctionalInterface
  private interface CommandOf<I> {
    PaymentCommand of(I valid, CommandContext context) throws Exception;
  }

  /**
   * A payment may name an invoice only if the invoice exists in the caller's organization, in the
   * payment's currency: refused up front (NOT_FOUND, CURRENCY_MISMATCH) rather than parked later.
   */
  private void payable(CommandContext context, String invoiceId, String currency) throws Exception {
    if (invoiceId == null) {
      return;
    }
    InvoiceId id = new InvoiceId(invoiceId);
    var invoice = invoices.invoice(context.organizationId(), id).orElseThrow(() -> new InvoiceRejectedException(id,
        InvoiceRejectedException.Reason.NOT_FOUND, "there is no invoice " + invoiceId + " in your organization"));
    if (!invoice.state().amount().currencyCode().equals(currency)) {
      throw new InvoiceRejectedException(id, InvoiceRejectedException.Reason.CURRENCY_MISMATCH, "invoice " + invoiceId
          + " is in " + invoice.state().amount().currencyCode() + ", the payment in " + currency);
    }
  }

  private static OptionalInt expected(CommandInput valid) {
    return valid.expectedVersion() == null ? OptionalInt.empty() : OptionalInt.of(valid.expectedVersion());
  }

  /** The amount a payment that failed before authorization was for: both amount and currency, or neither. */
  private static Money attempted(FailPaymentInput valid) {
    if (valid.amount() == null && valid.currency() == null) {
      return null;
    }
    if (valid.amount() == null || valid.currency() == null) {
      throw new io.esledger.domain.shared.InvalidValueException(valid.amount() == null ? "amount" : "currency",
          "amount and currency go together");
    }
    return Money.of(valid.amount(), valid.currency());
  }

  private static ProcessPayment command(ProcessPaymentInput valid) {
    return new ProcessPayment(new PaymentId(valid.paymentId()), Money.of(valid.amount(), valid.currency()),
        valid.expectedVersion() == null ? OptionalInt.empty() : OptionalInt.of(valid.expectedVersion()),
        InvoiceId.ofNullable(valid.invoiceId()));
  }

  private static CommandContext context(ProcessPaymentInput valid, Caller caller) throws ApiException {
    return new CommandContext(valid.commandId(), valid.correlationId(), valid.causationId(),
        caller.ownOrganization("organizationId", valid.organizationId()), caller.ownUser("userId", valid.userId()));
  }
}
