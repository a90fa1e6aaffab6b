package io.esledger.interfaces.graphql;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** Record that a payment failed (a new one, or an authorized one with nothing captured), with a reason code. */
@Input("FailPaymentInput")
@Description("Record that a payment failed (a new one, or an authorized one with nothing captured), with a reason code.")
public record FailPaymentInput(
    @NonNull @Id @NotBlank @Size(max = Limits.ID_LENGTH) String paymentId,
    @NonNull @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9_.-]{0,63}", message = "must be 1-64 upper-case letters, digits and _ . - like DECLINED") String reasonCode,
        @Positive @DecimalMax("1000000000000") @Description("The amount attempted, for a payment that failed before it was authorized") BigDecimal amount,
    @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code like EUR") String currency,
    @Id @Size(min = 1, max = Limits.ID_LENGTH)
    @Description("Makes a retry safe: the same commandId returns the first receipt") String commandId,
    @Id @Size(min = 1, max = Limits.ID_LENGTH) String correlationId,
    @Id @Size(min = 1, max = Limits.ID_LENGTH) String causationId,
    @PositiveOrZero @Description("Refuse (CONCURRENCY_CONFLICT) unless the payment is at this version") Integer expectedVersion)
    implements CommandInput {}
