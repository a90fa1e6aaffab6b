package io.esledger.domain.model.payment;

import java.util.OptionalInt;

/**
 * Something a caller asks of one payment. {@code expectedVersion}, when given, is the version the
 * caller decided on; the command is refused if the payment has moved on since.
 */
public sealed interface PaymentCommand
    permits ProcessPayment, AuthorizePayment, CapturePayment, RefundPayment, VoidPayment, FailPayment, OpenDispute,
        ResolveDispute {

  PaymentId paymentId();

  OptionalInt expectedVersion();

  /** Whether the command can start a payment (its stream may be empty). */
  default boolean mayCreate() {
    return false;
  }

  /**
   * Whether {@code first}, the first event an earlier run of a command with the same command id
   * recorded, is what this command would have recorded: a retry, not a different command.
   */
  boolean isRetryOf(PaymentEvent first);

  /** An optional amount given as a decimal (null) in the payment's currency. */
  static boolean sameAmount(java.math.BigDecimal asked, java.math.BigDecimal recorded) {
    return asked == null || asked.compareTo(recorded) == 0;
  }

  static OptionalInt orEmpty(OptionalInt expectedVersion) {
    return expectedVersion == null ? OptionalInt.empty() : expectedVersion;
  }
}
