package io.esledger.interfaces.graphql.security;

import io.smallrye.graphql.servlet.GraphQLServerWebSocket;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.security.Principal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SmallRye GraphQL's WebSocket endpoint (graphql-transport-ws and graphql-ws), with the caller of
 * the upgrade request known to the resolvers: the upgrade passed {@link RequestGate} only with a
 * verified token, and while a message is handled its principal is the caller {@link Callers} sees
 * (the messages are handled on threads that know nothing of the HTTP request). What it sends has
 * its GraphQL errors coded as over HTTP: SmallRye sees a {@link CodedSession} for each session.
 */
@ServerEndpoint(value = "/graphql", subprotocols = {"graphql-transport-ws", "graphql-ws"})
public class GraphQLWebSocket extends GraphQLServerWebSocket {

  private final Map<Session, Session> coded = new ConcurrentHashMap<>();

  private Session coded(Session session) {
    return coded.computeIfAbsent(session, CodedSession::of);
  }

  private Session ended(Session session) {
    Session was = coded.remove(session);
    return was == null ? session : was;
  }

  @OnOpen
  @Override
  public void onOpen(Session session) {
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
    Principal caller = Callers.enter(session.getUserPrincipal());
    try {
      super.handleMessage(coded(session), message);
    } finally {
      Callers.leave(caller);
    }
  }
}
