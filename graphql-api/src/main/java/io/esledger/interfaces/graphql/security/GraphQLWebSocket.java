package io.esledger.interfaces.graphql.security;

import io.smallrye.graphql.servlet.GraphQLServerWebSocket;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.security.Principal;

/**
 * SmallRye GraphQL's WebSocket endpoint (graphql-transport-ws and graphql-ws), with the caller of
 * the upgrade request known to the resolvers: the upgrade passed {@link RequestGate} only with a
 * verified token, and while a message is handled its principal is the caller {@link Callers} sees
 * (the messages are handled on threads that know nothing of the HTTP request).
 */
@ServerEndpoint(value = "/graphql", subprotocols = {"graphql-transport-ws", "graphql-ws"})
public class GraphQLWebSocket extends GraphQLServerWebSocket {

  @OnOpen
  @Override
  public void onOpen(Session session) {
    super.onOpen(session);
  }

  @OnClose
  @Override
  public void onClose(Session session) {
    super.onClose(session);
  }

  @OnError
  @Override
  public void onError(Session session, Throwable error) {
    super.onError(session, error);
  }

  @OnMessage
  @Override
  public void handleMessage(Session session, String message) {
    Principal caller = Callers.enter(session.getUserPrincipal());
    try {
      super.handleMessage(session, message);
    } finally {
      Callers.leave(caller);
    }
  }
}
