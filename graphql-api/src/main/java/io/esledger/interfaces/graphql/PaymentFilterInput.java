package io.esledger.interfaces.graphql;

import io.esledger.analytics.projection.PaymentFilter;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

@Input("PaymentFilter")
public record PaymentFilterInput(
    @Id @Size(max = Limits.ID_LENGTH) String organizationId,
    @Id @Size(max = Limits.ID_LENGTH) String userId,
    @Size(max = Limits.ID_LENGTH) String status,
    @Size(max = Limits.ID_LENGTH) String currency) {

  PaymentFilter toFilter() {
    return new PaymentFilter(organizationId, userId, status, currency);
  }
}
