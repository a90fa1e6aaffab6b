package io.esledger.application;

import java.util.List;

/** What a processed command stored: the payment's new version and the ids of its events. */
public record PaymentReceipt(String paymentId, int version, List<String> eventIds, String correlationId) {}
