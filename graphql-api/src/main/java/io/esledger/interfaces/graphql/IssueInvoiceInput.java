package io.esledger.interfaces.graphql;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

/** Issue an invoice of the caller's organization. */
@Input("IssueInvoiceInput")
@Description("Issue an invoice: an amount due by the end of dueDate (UTC). Payments name it with invoiceId.")
public record IssueInvoiceInput(
    @NonNull @Id @NotBlank @Size(max = Limits.ID_LENGTH) String invoiceId,
    @NonNull @NotNull @Positive @DecimalMax("1000000000000") BigDecimal amount,
    @NonNull @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code like EUR") String currency,
    @NonNull @NotNull @Description("The last day to pay, e.g. 2026-12-31; after it an unpaid invoice is OVERDUE")
        LocalDate dueDate,
    @Size(max = 500) String description,
    @Id @Size(min = 1, max = Limits.ID_LENGTH)
    @Description("Makes a retry safe: the same commandId returns the first receipt") String commandId,
    @Id @Size(min = 1, max = Limits.ID_LENGTH) String correlationId) {}
