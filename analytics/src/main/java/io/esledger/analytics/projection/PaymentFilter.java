package io.esledger.analytics.projection;

/** Which payments to list; every field optional. */
public record PaymentFilter(String organizationId, String userId, String status, String currency) {

  public static PaymentFilter none() {
    return new PaymentFilter(null, null, null, null);
  }
}
