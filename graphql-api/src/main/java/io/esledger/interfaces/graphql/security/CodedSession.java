package io.esledger.interfaces.graphql.security;

import io.esledger.interfaces.graphql.errors.WebSocketMessages;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * A WebSocket session whose whole text messages leave with their GraphQL errors coded
 * ({@link WebSocketMessages}); everything else goes to the server's session unchanged. SmallRye's
 * endpoint keys its handlers by session, so a coded session equals only itself.
 */
final class CodedSession {

  private CodedSession() {}

  static Session of(Session session) {
    RemoteEndpoint.Basic basic = (RemoteEndpoint.Basic) proxy(RemoteEndpoint.Basic.class, (self, method, args) -> {
      if (method.getName().equals("sendText") && args != null && args.length == 1 && args[0] instanceof String text) {
        session.getBasicRemote().sendText(WebSocketMessages.coded(text));
        return null;
      }
      return forward(self, method, args, session.getBasicRemote());
    });
    return (Session) proxy(Session.class, (self, method, args) -> {
      if (method.getName().equals("getBasicRemote") && (args == null || args.length == 0)) {
        return basic;
      }
      return forward(self, method, args, session);
    });
  }

  private static Object proxy(Class<?> type, InvocationHandler handler) {
    return Proxy.newProxyInstance(CodedSession.class.getClassLoader(), new Class<?>[] {type}, handler);
  }

  /** equals, hashCode and toString of the proxy itself; any other call to the target. */
  private static Object forward(Object self, Method method, Object[] args, Object target) throws Throwable {
    int arity = args == null ? 0 : args.length;
    switch (method.getName()) {
      case "equals" -> {
        if (arity == 1) {
          return self == args[0];
        }
      }
      case "hashCode" -> {
        if (arity == 0) {
          return System.identityHashCode(self);
        }
      }
      case "toString" -> {
        if (arity == 0) {
          return "coded " + target;
        }
      }
      default -> { }
    }
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
