package io.esledger.interfaces.graphql;

import static io.esledger.interfaces.graphql.errors.Errors.translated;

import io.esledger.analytics.consistency.ReadConsistency;
import io.esledger.application.CommandContext;
import io.esledger.application.PaymentReceipt;
import io.esledger.application.ProcessPaymentHandler;
import io.esledger.domain.model.payment.Money;
import io.esledger.domain.model.payment.PaymentId;
import io.esledger.domain.model.payment.ProcessPayment;
import io.esledger.interfaces.graphql.errors.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.OptionalInt;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;

/** Mutations: each runs one command through its CDI command handler. */
@GraphQLApi
@ApplicationScoped
public class PaymentCommandsApi {

  @Inject
  ProcessPaymentHandler processPayment;

  @Inject
  InputValidation validation;

  @Inject
  ReadConsistency consistency;

  @Mutation
  @Description("Processes a payment once. A retry with the same commandId returns the first receipt.")
  public @NonNull PaymentReceiptView processPayment(@NonNull ProcessPaymentInput input) throws ApiException {
    return translated("processPayment", () -> {
      ProcessPaymentInput valid = validation.valid(input);
      ProcessPayment command = new ProcessPayment(new PaymentId(valid.paymentId()),
          Money.of(valid.amount(), valid.currency()),
          valid.expectedVersion() == null ? OptionalInt.empty() : OptionalInt.of(valid.expectedVersion()));
      CommandContext context = new CommandContext(valid.commandId(), valid.correlationId(), valid.causationId(),
          valid.organizationId(), valid.userId());
      PaymentReceipt receipt = processPayment.handle(command, context);
      return PaymentReceiptView.of(receipt, consistency.tokenNow()); // taken after the append was acknowledged
    });
  }
}
