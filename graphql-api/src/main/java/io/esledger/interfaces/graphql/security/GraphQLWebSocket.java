package io.esledger.interfaces.graphql.security;

import io.smallrye.graphql.servlet.GraphQLServerWebSocket;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.io.StringReader;
import java.security.Principal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * SmallRye GraphQL's WebSocket endpoint (graphql-transport-ws and graphql-ws), with the caller known
 * to the resolvers. The caller's token comes either on the upgrade request (verified by
 * {@link RequestGate} like any request) or, from a browser, which cannot set headers on a
 * WebSocket, as {@code Authorization: Bearer ...} in {@code connection_init}'s payload, verified by
 * the same platform verifier ({@link TokenVerification}); until then nothing else is let through.
 * While a message is handled its token is the caller {@link Callers} sees. Every message re-checks
 * the token's expiry, and the connection is closed when the token expires (4401); a refused
 * {@code connection_init} closes it with 4403. A message larger than
 * {@code ledger.graphql.max-request-bytes} closes it too (1009), as such a body is refused over
 * HTTP. What it sends has its GraphQL errors coded as over HTTP ({@link CodedSession}).
 */
@ServerEndpoint(value = "/graphql", subprotocols = {"graphql-transport-ws", "graphql-ws"})
public class GraphQLWebSocket extends GraphQLServerWebSocket {

  private static final Logger LOG = Logger.getLogger(GraphQLWebSocket.class.getName());
  static final int UNAUTHORIZED = 4401;
  static final int FORBIDDEN = 4403;

  private static final ScheduledExecutorService EXPIRIES = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "graphql-websocket-token-expiry");
    thread.setDaemon(true);
    return thread;
  });

  private final Map<Session, Session> coded = new ConcurrentHashMap<>();
  private final Map<Session, Principal> callers = new ConcurrentHashMap<>();
  private final Map<Session, ScheduledFuture<?>> expiries = new ConcurrentHashMap<>();

  private Session coded(Session session) {
    return coded.computeIfAbsent(session, CodedSession::of);
  }

  private Session ended(Session session) {
    callers.remove(session);
    ScheduledFuture<?> expiry = expiries.remove(session);
    if (expiry != null) {
      expiry.cancel(false);
    }
    Session was = coded.remove(session);
    return was == null ? session : was;
  }

  @OnOpen
  @Override
  public void onOpen(Session session) {
    session.setMaxTextMessageBufferSize((int) Math.min(Integer.MAX_VALUE, maxBytes()));
    if (session.getUserPrincipal() != null) {
      admit(session, session.getUserPrincipal());
    }
    super.onOpen(coded(session));
  }

  @OnClose
  @Override
  public void onClose(Session session) {
    super.onClose(ended(session));
  }

  @OnError
  @Override
  public void onError(Session session, Throwable error) {
    super.onError(ended(session), error);
  }

  @OnMessage
  @Override
  public void handleMessage(Session session, String message) {
    if (message.length() > maxBytes()) { // characters ≤ bytes: a message this long is over the limit
      close(session, CloseReason.CloseCodes.TOO_BIG.getCode(), "a message larger than " + maxBytes() + " bytes");
      return;
    }
    Principal caller = callers.get(session);
    if (caller == null) {
      caller = fromConnectionInit(session, message);
      if (caller == null) {
        return;
      }
    } else if (expired(caller)) {
      close(session, UNAUTHORIZED, "Unauthorized: the bearer token expired");
      return;
    }
    Principal before = Callers.enter(caller);
    try {
      super.handleMessage(coded(session), message);
    } finally {
      Callers.leave(before);
    }
  }

  /**
   * The caller of a connection whose upgrade carried no token: the first message must be
   * {@code connection_init} with a bearer token in its payload that the platform accepts, else the
   * connection is closed (and null returned).
   */
  private Principal fromConnectionInit(Session session, String message) {
    JsonObject parsed;
    try (JsonReader reader = Json.createReader(new StringReader(message))) {
      parsed = reader.readObject();
    } catch (RuntimeException e) {
      close(session, FORBIDDEN, "Forbidden: connection_init with a bearer token must come first");
      return null;
    }
    if (!"connection_init".equals(text(parsed.get("type")))) {
      close(session, UNAUTHORIZED, "Unauthorized: connection_init with a bearer token must come first");
      return null;
    }
    String authorization = null;
    if (parsed.get("payload") instanceof JsonObject payload) {
      authorization = text(payload.get("Authorization"));
      if (authorization == null) {
        authorization = text(payload.get("authorization"));
      }
    }
    Principal verified = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
        ? TokenVerification.verify(authorization.substring(7).trim())
        : null;
    if (verified == null || !RequestGate.usable(verified) || expired(verified)) {
      close(session, FORBIDDEN, authorization == null
          ? "Forbidden: send the bearer token in connection_init's payload as Authorization: Bearer ..."
          : "Forbidden: the bearer token was not accepted");
      return null;
    }
    admit(session, verified);
    return verified;
  }

  /** Makes {@code caller} the connection's caller until its token expires, when the connection is closed. */
  private void admit(Session session, Principal caller) {
    callers.put(session, caller);
    if (caller instanceof JsonWebToken jwt && jwt.getExpirationTime() > 0) {
      long delay = jwt.getExpirationTime() * 1000 - System.currentTimeMillis();
      expiries.put(session, EXPIRIES.schedule(
          () -> close(session, UNAUTHORIZED, "Unauthorized: the bearer token expired"),
          Math.max(0, delay), TimeUnit.MILLISECONDS));
    }
  }

  /** {@code ledger.graphql.max-request-bytes}, read once, on first use. */
  private static final class Limit {
    static final long BYTES = ConfigProvider.getConfig().getOptionalValue("ledger.graphql.max-request-bytes", Long.class)
        .orElse(1_048_576L);
  }

  private static long maxBytes() {
    return Limit.BYTES;
  }

  private static boolean expired(Principal caller) {
    return caller instanceof JsonWebToken jwt && jwt.getExpirationTime() > 0
        && jwt.getExpirationTime() * 1000 <= System.currentTimeMillis();
  }

  private static void close(Session session, int code, String reason) {
    try {
      if (session.isOpen()) {
        session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
      }
    } catch (IOException e) {
      LOG.fine(() -> "closing a WebSocket: " + e);
    }
  }

  private static String text(JsonValue value) {
    return value instanceof JsonString string ? string.getString() : null;
  }
}
