package io.esledger.interfaces.graphql;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import io.esledger.interfaces.graphql.errors.ValidationFailedException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
    @NonNull @NotBlank
    @Description("The last day to pay, as yyyy-MM-dd (e.g. 2026-12-31); after it an unpaid invoice is OVERDUE")
        String dueDate,
    @Size(max = 500) String description,
    @Id @Size(min = 1, max = Limits.ID_LENGTH)
    @Description("Makes a retry safe: the same commandId returns the first receipt") String commandId,
    @Id @Size(min = 1, max = Limits.ID_LENGTH) String correlationId) {

  /**
   * The due date as a date; a malformed or impossible one (2026-02-30), or one outside the years
   * 1900–9999 (which the store's date fields cannot hold: {@code +10000-01-01}), is refused naming the field.
   */
  LocalDate dueDay() throws ValidationFailedException {
    try {
      if (dueDate == null || !dueDate.matches("\\d{4}-\\d{2}-\\d{2}") || dueDate.compareTo("1900") < 0) {
        throw new DateTimeParseException("not yyyy-MM-dd from 1900 to 9999", String.valueOf(dueDate), 0);
      }
      return LocalDate.parse(dueDate);
    } catch (DateTimeParseException e) {
      throw new ValidationFailedException("dueDate", "dueDate must be a date as yyyy-MM-dd (years 1900 to 9999), got " + dueDate);
    }
  }
}
