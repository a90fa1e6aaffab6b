package io.esledger.analytics.projection;

import java.util.List;

public record PaymentPage(long total, List<PaymentSummary> items) {}
