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
      return identity(self, method, args).orElseDelegate(session.getBasicRemote());
    });
    return (Session) proxy(Session.class, (self, method, args) -> {
      if (method.getName().equals("getBasicRemote") && (args == null || args.length == 0)) {
        return basic;
      }
      return identity(self, method, args).orElseDelegate(session);
    });
  }

  private static Object proxy(Class<?> type, InvocationHandler handler) {
    return Proxy.newProxyInstance(CodedSession.class.getClassLoader(), new Class<?>[] {type}, handler);
  }

  /** equals, hashCode and toString of the proxy itself; any other call to the target. */
  private static Call identity(Object self, Method method, Object[] args) {
    return target -> switch (method.getName()) {
      case "equals" -> args != null && args.length == 1 ? self == args[0] : invoke(target, method, args);
      case "hashCode" -> args == null || args.length == 0 ? System.identityHashCode(self) : invoke(target, method, args);
      case "toString" -> args == null || args.length == 0 ? "coded " + target : invoke(target, method, args);
      default -> invoke(target, method, args);
    };
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @FunctionalInterface
  private interface Call {
    Object orElseDelegate(Object target) throws Throwable;
  }
}
