package io.esledger.application;

/**
 * A command id already used for a different command: answering it with the first command's
 * receipt would tell the caller something it did not ask for was done. Nothing was stored.
 */
public class CommandIdReusedException extends RuntimeException {

  public CommandIdReusedException(String commandId, String paymentId) {
    super("commandId " + commandId + " was already used for a different command on payment " + paymentId
        + "; use a new commandId for a new command");
  }
}
