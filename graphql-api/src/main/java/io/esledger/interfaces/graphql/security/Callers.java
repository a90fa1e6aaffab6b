package io.esledger.interfaces.graphql.security;

import io.esledger.interfaces.graphql.errors.ForbiddenException;
import io.esledger.interfaces.graphql.errors.UnauthenticatedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import java.security.Principal;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller of the current request, from the token Liberty's MicroProfile JWT feature verified
 * (signature, issuer, expiry) before any resolver ran: the request's principal, which
 * {@link RequestGate} (HTTP) and {@link GraphQLWebSocket} (a subscription's messages) hand over for
 * the thread that runs the resolvers. The organization is a claim
 * ({@code ledger.security.organization-claim}, default {@code org}); roles are the {@code groups}.
 */
@ApplicationScoped
public class Callers {

  private static final ThreadLocal<Principal> PRINCIPAL = new ThreadLocal<>();

  /** Makes {@code principal} this thread's caller; returns the one before, for {@link #leave}. */
  static Principal enter(Principal principal) {
    Principal before = PRINCIPAL.get();
    PRINCIPAL.set(principal);
    return before;
  }

  static void leave(Principal before) {
    if (before == null) {
      PRINCIPAL.remove();
    } else {
      PRINCIPAL.set(before);
    }
  }

  @Inject
  @ConfigProperty(name = "ledger.security.organization-claim", defaultValue = "org")
  String organizationClaim;

  /** The caller, who must hold {@code role}: UNAUTHENTICATED without a verified token, FORBIDDEN without the role. */
  public Caller require(String role) throws UnauthenticatedException, ForbiddenException {
    Caller caller = current();
    caller.require(role);
    return caller;
  }

  /** The verified caller of this request. */
  public Caller current() throws UnauthenticatedException, ForbiddenException {
    JsonWebToken jwt = verifiedToken();
    if (jwt == null || jwt.getRawToken() == null || jwt.getSubject() == null) {
      throw new UnauthenticatedException("a bearer token is required (Authorization: Bearer ...)");
    }
    if (jwt.getSubject().length() > MAX_SUBJECT_LENGTH) {
      throw new ForbiddenException("the token's sub is longer than " + MAX_SUBJECT_LENGTH + " characters");
    }
    Object claim = jwt.getClaim(organizationClaim);
    if (claim == null) {
      throw new ForbiddenException("the token has no " + organizationClaim + " claim naming an organization");
    }
    String organization = text(claim);
    if (!io.esledger.domain.shared.Ids.follows(organization, MAX_ORGANIZATION_LENGTH)) {
      throw new ForbiddenException("the token's " + organizationClaim + " claim must be a string of 1 to "
          + MAX_ORGANIZATION_LENGTH + " letters, digits and . _ : @ - (organization ids are part of stream names)");
    }
    Set<String> groups = jwt.getGroups();
    return new Caller(jwt.getSubject(), organization, groups == null ? Set.of() : groups);
  }

  /** The request's token (on a WebSocket's thread, the token of its upgrade request); null without one. */
  private static JsonWebToken verifiedToken() {
    return PRINCIPAL.get() instanceof JsonWebToken jwt ? jwt : null;
  }

  /** A string claim's value; null for anything else (numbers, arrays, objects are not names). */
  private static String text(Object claim) {
    if (claim instanceof JsonString json) {
      return json.getString();
    }
    return claim instanceof String string ? string : null;
  }

  /** Organization ids: a bounded name of the ids' alphabet, so every stream name and document id made from one fits. */
  public static final int MAX_ORGANIZATION_LENGTH = 64;
  /** The user id is stored with every event. */
  public static final int MAX_SUBJECT_LENGTH = 256;
}
