package io.esledger.analytics.projection;

import java.math.BigDecimal;
import java.time.Instant;

/** One payment as the {@code payments} read model holds it. */
public record PaymentSummary(
    String paymentId,
    String status,
    BigDecimal amount,
    String currency,
    String organizationId,
    String userId,
    int version,
    Instant updatedAt) {}
