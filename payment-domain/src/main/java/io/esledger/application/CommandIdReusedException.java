package io.esledger.application;

/**
 * A command id already used for a different command: answering it with the first command's
 * receipt would tell the caller something it did not ask for was done. Nothing was stored.
 */
public class CommandIdReusedException extends RuntimeException {

  public CommandIdReusedException(String commandId, String paymentId) {
    this(commandId, "payment", paymentId);
  }

  /** On another aggregate than a payment ({@code kind}: "invoice", ...). */
  public CommandIdReusedException(String commandId, String kind, String id) {
    super("commandId " + commandId + " was already used for a different command on " + kind + " " + id
        + "; use a new commandId for a new command");
  }
}
