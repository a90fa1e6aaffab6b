package io.esledger.interfaces.graphql.security;

/** The roles a token grants, as values of its {@code groups} claim. */
public final class Role {

  /** Mutations that store payments, for the caller's own organization. */
  public static final String PAYMENTS_WRITE = "payments:write";
  /** Queries of the caller's own organization. */
  public static final String PAYMENTS_READ = "payments:read";
  /** Operating the ledger: rebuilds, projection and cache status, views across organizations. */
  public static final String OPERATOR = "ledger:operator";

  private Role() {}
}
