package io.esledger.domain.model.payment;

import io.esledger.domain.model.invoice.InvoiceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A payment: money moved for an organization on a user's behalf. The aggregate decides whether a
 * command is allowed, records the resulting events, applies them to its immutable state and hands
 * them over once with {@link #releaseEvents()}. Rehydration from history goes through the same
 * apply, so the state a command sees is exactly what its stored events say.
 */
public final class Payment {

  private PaymentState state;
  private int version;
  private final List<PaymentEvent> pending = new ArrayList<>();

  private Payment(PaymentState state) {
    this.state = state;
  }

  /** Rebuilds a payment from its stored events, oldest first. An empty history is a new payment. */
  public static Payment fromHistory(PaymentId paymentId, List<? extends PaymentEvent> history) {
    Payment payment = new Payment(PaymentState.initial(paymentId));
    history.forEach(payment::replay);
    return payment;
  }

  /** Decides any command: the events it records are released with {@link #releaseEvents()}. */
  public void handle(PaymentCommand command, Instant now) throws PaymentRejectedException {
    if (command instanceof ProcessPayment c) {
      process(c, now);
    } else if (command instanceof AuthorizePayment c) {
      authorize(c, now);
    } else if (command instanceof CapturePayment c) {
      capture(c, now);
    } else if (command instanceof RefundPayment c) {
      refund(c, now);
    } else if (command instanceof VoidPayment c) {
      voidAuthorization(now);
    } else if (command instanceof FailPayment c) {
      fail(c, now);
    } else if (command instanceof OpenDispute c) {
      openDispute(c, now);
    } else if (command instanceof ResolveDispute c) {
      resolveDispute(c, now);
    } else {
      throw new IllegalArgumentException("unknown payment command " + command);
    }
  }

  /** Authorize and capture in one step: only a new payment, only a positive amount. */
  public void process(ProcessPayment command, Instant now) throws PaymentRejectedException {
    if (state.status() != PaymentStatus.NEW) {
      throw new PaymentAlreadyProcessedException(state.paymentId(), version);
    }
    requirePositive(command.amount());
    Money amount = command.amount();
    record(new PaymentProcessed(id(), amount.amount(), amount.currencyCode(), now, idOf(command.invoiceId())));
  }

  /** Starts a payment by reserving a positive amount; an existing payment cannot be authorized again. */
  public void authorize(AuthorizePayment command, Instant now) throws PaymentRejectedException {
    if (state.status() != PaymentStatus.NEW) {
      throw new InvalidTransitionException(state.paymentId(), "authorize", state.status(),
          "only a new payment can be authorized");
    }
    requirePositive(command.amount());
    record(new PaymentAuthorized(id(), command.amount().amount(), command.amount().currencyCode(), now,
        idOf(command.invoiceId())));
  }

  /**
   * Captures part or all of what is left of the authorization, never more. The capture that leaves
   * nothing to capture, or one marked last, also completes capturing, in the same commit.
   */
  public void capture(CapturePayment command, Instant now) throws PaymentRejectedException {
    requireExists("capture");
    PaymentStatus status = state.status();
    if (status != PaymentStatus.AUTHORIZED && status != PaymentStatus.PARTIALLY_CAPTURED) {
      throw new InvalidTransitionException(state.paymentId(), "capture", status,
          "only an authorized payment that is not fully captured can be captured");
    }
    Money capturable = state.capturable();
    Money amount = command.amount() == null ? capturable : inCurrency(command.amount());
    requirePositive(amount);
    if (amount.isGreaterThan(capturable)) {
      throw new AmountExceedsAuthorizedException(state.paymentId(), amount, capturable);
    }
    record(new PaymentCaptured(id(), amount.amount(), amount.currencyCode(), now, state.invoiceId()));
    if (command.last() || !state.capturable().isPositive()) {
      record(new PaymentCaptureCompleted(id(), state.captured().amount(), amount.currencyCode(), now));
    }
  }

  /** Pays back part or all of what was captured and is not refunded, disputed or charged back. */
  public void refund(RefundPayment command, Instant now) throws PaymentRejectedException {
    Money amount = ofRefundable("refund", command.amount(),
        "a disputed payment cannot be refunded until the dispute is resolved");
    record(new PaymentRefunded(id(), amount.amount(), amount.currencyCode(), command.reason(), now));
  }

  /**
   * The amount a refund or a dispute covers ({@code asked}, or all that is refundable when null):
   * only on a payment with something captured and no open dispute, never more than is refundable.
   */
  private Money ofRefundable(String command, java.math.BigDecimal asked, String whileDisputed)
      throws PaymentRejectedException {
    requireExists(command);
    PaymentStatus status = state.status();
    if (status == PaymentStatus.DISPUTED) {
      throw new InvalidTransitionException(state.paymentId(), command, status, whileDisputed);
    }
    if (state.captured() == null || !state.captured().isPositive()) {
      throw new InvalidTransitionException(state.paymentId(), command, status, "nothing was captured");
    }
    Money refundable = state.refundable();
    Money amount = asked == null ? refundable : inCurrency(asked);
    if (asked != null || refundable.isPositive()) {
      requirePositive(amount);
    }
    if (!refundable.isPositive() || amount.isGreaterThan(refundable)) {
      throw new AmountExceedsCapturedException(state.paymentId(), command, amount, refundable);
    }
    return amount;
  }

  /** Cancels an authorization; once anything is captured, only refunds remain. */
  public void voidAuthorization(Instant now) throws PaymentRejectedException {
    requireExists("void");
    if (state.status() != PaymentStatus.AUTHORIZED) {
      throw new InvalidTransitionException(state.paymentId(), "void", state.status(),
          "only an authorized payment with nothing captured can be voided");
    }
    record(new PaymentVoided(id(), now));
  }

  /**
   * Records a failure: of a new payment (it is created failed, with the attempted amount if given)
   * or of an authorized one with nothing captured.
   */
  public void fail(FailPayment command, Instant now) throws PaymentRejectedException {
    PaymentStatus status = state.status();
    if (status != PaymentStatus.NEW && status != PaymentStatus.AUTHORIZED) {
      throw new InvalidTransitionException(state.paymentId(), "fail", status,
          "only a new payment or an authorized one with nothing captured can fail");
    }
    Money attempted = status == PaymentStatus.NEW ? command.amount() : null;
    if (attempted != null) {
      requirePositive(attempted);
    }
    record(new PaymentFailed(id(), command.reasonCode().value(), attempted == null ? null : attempted.amount(),
        attempted == null ? null : attempted.currencyCode(), now));
  }

  /** Opens a dispute over part or all of what was captured and not refunded; one at a time. */
  public void openDispute(OpenDispute command, Instant now) throws PaymentRejectedException {
    Money amount = ofRefundable("dispute", command.amount(), "a dispute is already open");
    record(new DisputeOpened(id(), amount.amount(), amount.currencyCode(), command.reasonCode().value(), now));
  }

  /** Decides the open dispute: won keeps the money, lost charges the disputed amount back. */
  public void resolveDispute(ResolveDispute command, Instant now) throws PaymentRejectedException {
    requireExists("resolve the dispute of");
    if (state.status() != PaymentStatus.DISPUTED) {
      throw new InvalidTransitionException(state.paymentId(), "resolve the dispute of", state.status(),
          "there is no open dispute");
    }
    Money disputed = state.disputed();
    record(command.won()
        ? new DisputeWon(id(), disputed.amount(), disputed.currencyCode(), now)
        : new DisputeLost(id(), disputed.amount(), disputed.currencyCode(), now));
  }

  private void requireExists(String command) throws PaymentNotFoundException {
    if (state.status() == PaymentStatus.NEW) {
      throw new PaymentNotFoundException(state.paymentId(), command);
    }
  }

  private void requirePositive(Money amount) throws AmountNotPositiveException {
    if (!amount.isPositive()) {
      throw new AmountNotPositiveException(state.paymentId(), amount);
    }
  }

  /** An amount given as a bare decimal, in the payment's currency (its decimals checked like any money). */
  private Money inCurrency(java.math.BigDecimal amount) {
    return new Money(amount, state.amount().currency());
  }

  private String id() {
    return state.paymentId().value();
  }

  private static String idOf(InvoiceId invoiceId) {
    return invoiceId == null ? null : invoiceId.value();
  }

  /** Events recorded since the last release, handed over exactly once. */
  public List<PaymentEvent> releaseEvents() {
    List<PaymentEvent> released = List.copyOf(pending);
    pending.clear();
    return released;
  }

  /** The version of the last stored event this payment was built from (0 for a new payment). */
  public int version() {
    return version;
  }

  public PaymentState state() {
    return state;
  }

  private void replay(PaymentEvent event) {
    state = state.apply(event);
    version++;
  }

  private void record(PaymentEvent event) {
    state = state.apply(event);
    pending.add(event);
  }
}
