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

/** Authorize (reserve) an amount on a new payment, to capture later. */
@Input("AuthorizePaymentInput")
@Description("Authorize (reserve) an amount on a new payment, to capture later.")
public record AuthorizePaymentInput(
    @NonNull @Id @NotBlank @Size(max = Limits.ID_LENGTH) String paymentId,
    @NonNull @NotNull @Positive @DecimalMax("1000000000000") BigDecimal amount,
    @NonNull @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code like EUR") String currency,
    @Id @Size(min = 1, max = Limits.ID_LENGTH)
    @Description("Makes a retry safe: the same commandId returns the first receipt") String commandId,
    @Id @Size(min = 1, max = Limits.ID_LENGTH) String correlationId,
    @Id @Size(min = 1, max = Limits.ID_LENGTH) String causationId,
    @PositiveOrZero @Description("Refuse (CONCURRENCY_CONFLICT) unless the payment is at this version")
        Integer expectedVersion,
    @Id @Size(min = 1, max = Limits.ID_LENGTH)
    @Description("Optional: an invoice of the caller's organization, in the same currency, that this payment pays; "
        + "the money captured is applied to it") String invoiceId)
    implements CommandInput {}
