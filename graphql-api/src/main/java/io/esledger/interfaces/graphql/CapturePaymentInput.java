package io.esledger.interfaces.graphql;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** Capture part or all of what is authorized and not yet captured. */
@Input("CapturePaymentInput")
@Description("Capture part or all of what is authorized and not yet captured.")
public record CapturePaymentInput(
    @NonNull @Id @NotBlank @Size(max = Limits.ID_LENGTH) String paymentId,
    @Positive @DecimalMax("1000000000000") @Description("In the payment's currency; omitted: all that is left") BigDecimal amount,
    @DefaultValue("false") @Description("The last capture: the rest of the authorization is released") Boolean last,
    @Id @Size(min = 1, max = Limits.ID_LENGTH)
    @Description("Makes a retry safe: the same commandId returns the first receipt") String commandId,
    @Id @Size(min = 1, max = Limits.ID_LENGTH) String correlationId,
    @Id @Size(min = 1, max = Limits.ID_LENGTH) String causationId,
    @PositiveOrZero @Description("Refuse (CONCURRENCY_CONFLICT) unless the payment is at this version") Integer expectedVersion)
    implements CommandInput {}
