package io.esledger.interfaces.graphql;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** Shape checks at the edge; the domain's value objects check the rest (currency, decimals). */
@Input("ProcessPaymentInput")
@Description("Process a payment. commandId makes a retry safe: the same commandId returns the first receipt.")
public record ProcessPaymentInput(
    @NonNull @Id @NotBlank @Size(max = Limits.ID_LENGTH) String paymentId,
    @NonNull @NotNull @Positive @DecimalMax("1000000000000") BigDecimal amount,
    @NonNull @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code like EUR") String currency,
    @Id @Size(min = 1, max = Limits.ID_LENGTH)
    @Description("Optional: the token's organization. Any other is refused with FORBIDDEN.") String organizationId,
    @Id @Size(min = 1, max = Limits.ID_LENGTH)
    @Description("Optional: the token's subject. Any other is refused with FORBIDDEN.") String userId,
    @Id @Size(min = 1, max = Limits.ID_LENGTH) String commandId,
    @Id @Size(min = 1, max = Limits.ID_LENGTH) String correlationId,
    @Id @Size(min = 1, max = Limits.ID_LENGTH) String causationId,
    @PositiveOrZero Integer expectedVersion,
    @Id @Size(min = 1, max = Limits.ID_LENGTH)
    @Description("Optional: an invoice of the caller's organization, in the same currency, that this payment pays; "
        + "the money captured is applied to it") String invoiceId) {}
