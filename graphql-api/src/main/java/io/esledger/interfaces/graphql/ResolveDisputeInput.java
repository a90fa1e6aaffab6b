package io.esledger.interfaces.graphql;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** Decide the open dispute: WON keeps the money, LOST charges the disputed amount back. */
@Input("ResolveDisputeInput")
@Description("Decide the open dispute: WON keeps the money, LOST charges the disputed amount back.")
public record ResolveDisputeInput(
    @NonNull @Id @NotBlank @Size(max = Limits.ID_LENGTH) String paymentId,
    @NonNull @NotNull DisputeOutcome outcome,
    @Id @Size(min = 1, max = Limits.ID_LENGTH)
    @Description("Makes a retry safe: the same commandId returns the first receipt") String commandId,
    @Id @Size(min = 1, max = Limits.ID_LENGTH) String correlationId,
    @Id @Size(min = 1, max = Limits.ID_LENGTH) String causationId,
    @PositiveOrZero @Description("Refuse (CONCURRENCY_CONFLICT) unless the payment is at this version") Integer expectedVersion)
    implements CommandInput {}
