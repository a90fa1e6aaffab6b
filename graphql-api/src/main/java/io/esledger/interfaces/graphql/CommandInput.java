package io.esledger.interfaces.graphql;

/** What every payment command's input carries besides its own fields. */
interface CommandInput {

  String paymentId();

  String commandId();

  String correlationId();

  String causationId();

  Integer expectedVersion();
}
