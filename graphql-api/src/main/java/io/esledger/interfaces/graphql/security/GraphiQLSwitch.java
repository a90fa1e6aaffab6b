package io.esledger.interfaces.graphql.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * GraphiQL is served only while {@code ledger.graphiql.enabled} is true (the default, for
 * development); production turns it off, and introspection with
 * {@code smallrye.graphql.fieldVisibility=no-introspection}.
 */
@WebFilter(urlPatterns = "/graphql-ui/*")
public class GraphiQLSwitch extends HttpFilter {

  @Inject
  @ConfigProperty(name = "ledger.graphiql.enabled", defaultValue = "true")
  boolean enabled;

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!enabled) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    chain.doFilter(request, response);
  }
}
