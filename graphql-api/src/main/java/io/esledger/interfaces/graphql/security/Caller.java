package io.esledger.interfaces.graphql.security;

import io.esledger.interfaces.graphql.errors.ForbiddenException;
import java.util.Set;

/**
 * Who sent the request, as its verified token says: the subject (the user id stored with every
 * event it causes), the organization every read and write is confined to, and the roles.
 */
public record Caller(String subject, String organizationId, Set<String> roles) {

  public Caller {
    roles = Set.copyOf(roles);
  }

  public boolean has(String role) {
    return roles.contains(role);
  }

  public boolean isOperator() {
    return has(Role.OPERATOR);
  }

  /** Refuses unless the token grants the role (operators may do everything). */
  public void require(String role) throws ForbiddenException {
    if (!has(role) && !isOperator()) {
      throw new ForbiddenException("the token does not grant the role " + role);
    }
  }

  /**
   * The organization a read answers for: the caller's own. An operator's read spans every organization
   * unless it names one (null: all). Naming another organization than one's own is refused, so a
   * filter can narrow a read but never widen it.
   */
  public String readScope(String requested) throws ForbiddenException {
    if (isOperator()) {
      return requested;
    }
    ownOrganization("organizationId", requested);
    return organizationId;
  }

  /** Refuses an organization id given in an input that is not the caller's (null: the caller's). */
  public String ownOrganization(String field, String requested) throws ForbiddenException {
    if (requested != null && !requested.equals(organizationId)) {
      throw new ForbiddenException(field + ": the token is for another organization");
    }
    return organizationId;
  }

  /** Refuses a user id given in an input that is not the token's subject (null: the subject). */
  public String ownUser(String field, String requested) throws ForbiddenException {
    if (requested != null && !requested.equals(subject)) {
      throw new ForbiddenException(field + ": the token is for another user");
    }
    return subject;
  }
}
