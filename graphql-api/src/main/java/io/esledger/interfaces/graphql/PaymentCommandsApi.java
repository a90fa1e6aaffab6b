package io.esledger.interfaces.graphql;

import static io.esledger.interfaces.graphql.errors.Errors.translated;

import io.esledger.analytics.consistency.ReadConsistency;
import io.esledger.application.CommandContext;
import io.esledger.application.PaymentOutcome;
import io.esledger.application.PaymentReceipt;
import io.esledger.application.ProcessPaymentHandler;
import io.esledger.domain.model.payment.Money;
import io.esledger.domain.model.payment.PaymentId;
import io.esledger.domain.model.payment.ProcessPayment;
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
  ProcessPaymentHandler processPayment;

  @Inject
  InputValidation validation;

  @Inject
  ReadConsistency consistency;

  @Inject
  Callers callers;

  @Mutation
  @Description("Processes a payment once. A retry with the same commandId returns the first receipt.")
  public @NonNull PaymentReceiptView processPayment(@NonNull ProcessPaymentInput input) throws ApiException {
    Caller caller = callers.require(Role.PAYMENTS_WRITE);
    return translated("processPayment", () -> {
      ProcessPaymentInput valid = validation.valid(input);
      PaymentReceipt receipt = processPayment.handle(command(valid), context(valid, caller));
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
          commands.add(command(valid));
          contexts.add(context(valid, caller));
          accepted.add(i);
        } catch (Exception invalid) {
          receipts[i] = PaymentReceiptView.refused(input.paymentId(), 0, input.correlationId(), "",
              Errors.toApi("processPayments", invalid));
        }
      }
      List<PaymentOutcome> outcomes = commands.isEmpty() ? List.of() : processPayment.handleAll(commands, contexts);
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

  private static ProcessPayment command(ProcessPaymentInput valid) {
    return new ProcessPayment(new PaymentId(valid.paymentId()), Money.of(valid.amount(), valid.currency()),
        valid.expectedVersion() == null ? OptionalInt.empty() : OptionalInt.of(valid.expectedVersion()));
  }

  private static CommandContext context(ProcessPaymentInput valid, Caller caller) throws ApiException {
    return new CommandContext(valid.commandId(), valid.correlationId(), valid.causationId(),
        caller.ownOrganization("organizationId", valid.organizationId()), caller.ownUser("userId", valid.userId()));
  }
}
