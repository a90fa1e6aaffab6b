package io.esledger.interfaces.graphql.security;

import io.esledger.interfaces.graphql.errors.ForbiddenException;
import io.esledger.interfaces.graphql.errors.UnauthenticatedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller of the current request, from the token Liberty's MicroProfile JWT feature verified
 * (signature, issuer, expiry) before any resolver ran. The organization is a claim
 * ({@code ledger.security.organization-claim}, default {@code org}); roles are the {@code groups}.
 */
@ApplicationScoped
public class Callers {

  @Inject
  Instance<JsonWebToken> token;

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
    String organization = text(jwt.getClaim(organizationClaim));
    if (organization == null || organization.isBlank()) {
      throw new ForbiddenException("the token has no " + organizationClaim + " claim naming an organization");
    }
    Set<String> groups = jwt.getGroups();
    return new Caller(jwt.getSubject(), organization, groups == null ? Set.of() : groups);
  }

  /** The request's token; on a WebSocket's thread, the token of its upgrade request. */
  private JsonWebToken verifiedToken() {
    if (GraphQLWebSocket.handshakePrincipal() != null) {
      return GraphQLWebSocket.handshakePrincipal() instanceof JsonWebToken jwt ? jwt : null;
    }
    try {
      return token.get();
    } catch (ContextNotActiveException | IllegalStateException notOnARequest) {
      return null;
    }
  }

  private static String text(Object claim) {
    if (claim instanceof JsonString json) {
      return json.getString();
    }
    return claim == null ? null : claim.toString();
  }
}
