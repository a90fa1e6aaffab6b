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

/** Open a dispute (chargeback) over part or all of what was captured and not refunded. */
@Input("OpenDisputeInput")
@Description("Open a dispute (chargeback) over part or all of what was captured and not refunded.")
public record OpenDisputeInput(
    @NonNull @Id @NotBlank @Size(max = Limits.ID_LENGTH) String paymentId,
    @NonNull @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9_.-]{0,63}", message = "must be 1-64 upper-case letters, digits and _ . - like DECLINED") String reasonCode,
        @Positive @DecimalMax("1000000000000") @Description("In the payment's currency; omitted: all that is captured and not refunded") BigDecimal amount,
    @Id @Size(min = 1, max = Limits.ID_LENGTH)
    @Description("Makes a retry safe: the same commandId returns the first receipt") String commandId,
    @Id @Size(min = 1, max = Limits.ID_LENGTH) String correlationId,
    @Id @Size(min = 1, max = Limits.ID_LENGTH) String causationId,
    @PositiveOrZero @Description("Refuse (CONCURRENCY_CONFLICT) unless the payment is at this version") Integer expectedVersion)
    implements CommandInput {}
