package io.esledger.analytics.projection;

/** Field names of a {@code payments} read-model document. */
final class PaymentFields {

  static final String PAYMENT_ID = "paymentId";
  static final String STATUS = "status";
  static final String AMOUNT = "amount";
  static final String CURRENCY = "currency";
  static final String CAPTURED = "capturedAmount";
  static final String REFUNDED = "refundedAmount";
  static final String NET = "netAmount";
  static final String FAILURE_REASON = "failureReason";
  static final String ORGANIZATION_ID = "organizationId";
  static final String USER_ID = "userId";
  static final String VERSION = "version";
  static final String UPDATED_AT = "updatedAt";

  private PaymentFields() {}
}
