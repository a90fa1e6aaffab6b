package io.esledger.interfaces.graphql.security;

import io.esledger.interfaces.graphql.errors.ErrorCodeFilter;
import io.esledger.interfaces.graphql.errors.RequestBudget;
import io.esledger.interfaces.graphql.errors.UnauthenticatedException;
import io.esledger.interfaces.operations.RootFields;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Duration;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What a request must be before GraphQL sees it. The schema document stays readable; everything
 * else at {@code /graphql} (queries, mutations) needs a token the MicroProfile JWT feature verified
 * (and that names its user), else 401 with {@code UNAUTHENTICATED}. A WebSocket upgrade either
 * carries one too, or none at all: then the token comes in {@code connection_init}
 * ({@link GraphQLWebSocket}). A POST is executed only
 * as {@code application/json} or {@code application/graphql}: a browser on another site can send a
 * form or {@code text/plain} without asking, never JSON (so no cross-site request forgery), and
 * anything else is refused with 415 {@code UNSUPPORTED_MEDIA_TYPE}. A body larger than
 * {@code ledger.graphql.max-request-bytes} (1 MiB) is refused with 413 {@code REQUEST_TOO_LARGE}
 * (reading stops at the limit). A JSON body must be a GraphQL request: an object whose
 * {@code query} is a string and whose {@code variables}, {@code operationName} and
 * {@code extensions} are an object, a string and an object if given; anything else is 400
 * {@code GRAPHQL_PARSE_FAILED} naming what is wrong. A request that passed starts its time budget
 * ({@code ledger.graphql.max-request-millis}, 30 s; see {@link RequestBudget}).
 */
@WebFilter(urlPatterns = "/graphql/*", asyncSupported = true)
public class RequestGate extends HttpFilter {

  public static final String UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE";
  public static final String REQUEST_TOO_LARGE = "REQUEST_TOO_LARGE";

  @Inject
  @ConfigProperty(name = "ledger.graphql.max-request-bytes", defaultValue = "1048576")
  long maxRequestBytes;

  /** How long one request may keep running fields ({@link RequestBudget}). */
  @Inject
  @ConfigProperty(name = "ledger.graphql.max-request-millis", defaultValue = "30000")
  long maxRequestMillis;

  /** The request's outcome for metrics: a refusal's code here, or the first error's code (error-code filter). */
  public static final String OUTCOME = RequestGate.class.getName() + ".outcome";
  /** The request's operation for metrics: its first root field (see {@code RootFields}). */
  public static final String OPERATION = RequestGate.class.getName() + ".operation";

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (isSchemaDocument(request)) {
      chain.doFilter(request, response);
      return;
    }
    TokenVerification.seen(request);
    if (request.getUserPrincipal() == null && isWebSocketUpgrade(request) && request.getHeader("Authorization") == null) {
      // a browser cannot set headers on a WebSocket: its token comes in connection_init's payload, and
      // GraphQLWebSocket lets nothing else through before that token is verified
      chain.doFilter(request, response);
      return;
    }
    if (request.getUserPrincipal() == null || !usable(request.getUserPrincipal())) {
      boolean sent = request.getHeader("Authorization") != null;
      response.setHeader("WWW-Authenticate", sent ? "Bearer error=\"invalid_token\"" : "Bearer");
      refuse(request, response, HttpServletResponse.SC_UNAUTHORIZED, UnauthenticatedException.CODE, sent
          ? "the bearer token was not accepted (its signature, issuer, audience, expiry or missing sub; the server log "
              + "says which)"
          : "a bearer token is required (Authorization: Bearer ...); ./run.sh prints one for development");
      return;
    }
    if ("POST".equals(request.getMethod()) && !executable(request.getContentType())) {
      refuse(request, response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, UNSUPPORTED_MEDIA_TYPE,
          "send the request as application/json (or application/graphql)");
      return;
    }
    HttpServletRequest checked = request;
    String document;
    if ("POST".equals(request.getMethod())) {
      byte[] body = request.getContentLengthLong() > maxRequestBytes ? null : BufferedBody.read(request, maxRequestBytes);
      if (body == null) {
        refuse(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, REQUEST_TOO_LARGE,
            "the request body is larger than " + maxRequestBytes + " bytes");
        return;
      }
      if (isJson(request.getContentType())) {
        GraphQLRequestShape.Checked shape = GraphQLRequestShape.check(body);
        if (shape.problem() != null) {
          refuse(request, response, HttpServletResponse.SC_BAD_REQUEST, ErrorCodeFilter.PARSE_FAILED, shape.problem());
          return;
        }
        document = shape.query();
      } else {
        document = new String(body, StandardCharsets.UTF_8); // application/graphql
      }
      checked = BufferedBody.of(request, body);
    } else {
      document = request.getParameter("query");
    }
    request.setAttribute(OPERATION, RootFields.of(document));
    Principal before = Callers.enter(request.getUserPrincipal());
    RequestBudget.Deadline budgetBefore = RequestBudget.enter(Duration.ofMillis(maxRequestMillis));
    try {
      chain.doFilter(checked, response);
    } finally {
      RequestBudget.leave(budgetBefore);
      Callers.leave(before);
    }
  }

  static boolean isWebSocketUpgrade(HttpServletRequest request) {
    String upgrade = request.getHeader("Upgrade");
    return "GET".equals(request.getMethod()) && upgrade != null && upgrade.equalsIgnoreCase("websocket");
  }

  /**
   * A verified token names its user ({@code sub}; one that does not identifies nobody), and was not
   * issued, nor made valid, in the future (beyond {@code mp.jwt.verify.clock.skew}): the platform
   * checks the expiry, this the rest of a token's times.
   */
  static boolean usable(Principal principal) {
    if (!(principal instanceof org.eclipse.microprofile.jwt.JsonWebToken jwt)) {
      return true;
    }
    if (jwt.getSubject() == null || jwt.getSubject().isBlank()) {
      return false;
    }
    long latest = System.currentTimeMillis() / 1000 + Skew.SECONDS;
    return seconds(jwt.getClaim("iat")) <= latest && seconds(jwt.getClaim("nbf")) <= latest;
  }

  /** {@code mp.jwt.verify.clock.skew}, read once, on first use. */
  private static final class Skew {
    static final long SECONDS = org.eclipse.microprofile.config.ConfigProvider.getConfig()
        .getOptionalValue("mp.jwt.verify.clock.skew", Long.class).orElse(30L);
  }

  /** A NumericDate claim in seconds; 0 when absent. */
  private static long seconds(Object claim) {
    if (claim instanceof Number n) {
      return n.longValue();
    }
    if (claim instanceof jakarta.json.JsonNumber n) {
      return n.longValue();
    }
    return 0;
  }

  /** {@code GET .../schema.graphql}: the schema document, open to anyone and not a GraphQL request. */
  public static boolean isSchemaDocument(HttpServletRequest request) {
    return "GET".equals(request.getMethod()) && request.getRequestURI().endsWith("/schema.graphql");
  }

  private static boolean isJson(String contentType) {
    return "application/json".equals(mediaType(contentType));
  }

  static boolean executable(String contentType) {
    String type = mediaType(contentType);
    return "application/json".equals(type) || "application/graphql".equals(type);
  }

  /**
   * The media type of a Content-Type header, lower case and without parameters; null when there is
   * none. A header sent twice arrives joined by a comma (GraphiQL's page does this: its fetcher and
   * the page both set it); the same type repeated is that type, different types are none.
   */
  static String mediaType(String contentType) {
    if (contentType == null) {
      return null;
    }
    String type = null;
    for (String part : contentType.split(",")) {
      String each = part.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
      if (each.isEmpty() || type != null && !type.equals(each)) {
        return null;
      }
      type = each;
    }
    return type;
  }

  /** Answers with one error carrying {@code code}, and records the code as the request's outcome. */
  static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String code,
      String message) throws IOException {
    request.setAttribute(OUTCOME, code);
    byte[] body = Json.createObjectBuilder()
        .add("errors", Json.createArrayBuilder().add(Json.createObjectBuilder()
            .add("message", message)
            .add("extensions", Json.createObjectBuilder().add("code", code))))
        .build().toString().getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
