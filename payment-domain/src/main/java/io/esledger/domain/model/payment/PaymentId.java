package io.esledger.domain.model.payment;

import io.esledger.domain.shared.Ids;

/** Identity of a payment, chosen by the client (so a retry targets the same payment). */
public record PaymentId(String value) {

  public static final int MAX_LENGTH = Ids.MAX_LENGTH;

  public PaymentId {
    Ids.check("paymentId", value);
  }

  @Override
  public String toString() {
    return value;
  }
}
