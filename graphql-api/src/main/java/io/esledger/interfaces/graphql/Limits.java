package io.esledger.interfaces.graphql;

/** Bounds on what clients may send, so absurd inputs are refused before they cost anything. */
final class Limits {

  static final int ID_LENGTH = 128;

  private Limits() {}
}
