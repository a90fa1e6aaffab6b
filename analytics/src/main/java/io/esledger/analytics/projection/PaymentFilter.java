package io.esledger.analytics.projection;

/** Which payments to list; every field optional. */
public record PaymentFilter(String organizationId, String userId, String status, String currency) {

  public static PaymentFilter none() {
    return new PaymentFilter(null, null, null, null);
  }

  /** This filter confined to one organization (null: as it is, every organization it names). */
  public PaymentFilter forOrganization(String organization) {
    return organization == null ? this : new PaymentFilter(organization, userId, status, currency);
  }
}
