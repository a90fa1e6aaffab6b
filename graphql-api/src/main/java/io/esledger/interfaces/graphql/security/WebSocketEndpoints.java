package io.esledger.interfaces.graphql.security;

import io.smallrye.graphql.servlet.GraphQLServerWebSocket;
import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerApplicationConfig;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.HashSet;
import java.util.Set;

/** Deploys {@link GraphQLWebSocket} at {@code /graphql} in place of SmallRye's own endpoint there. */
public class WebSocketEndpoints implements ServerApplicationConfig {

  @Override
  public Set<ServerEndpointConfig> getEndpointConfigs(Set<Class<? extends Endpoint>> endpointClasses) {
    return Set.of();
  }

  @Override
  public Set<Class<?>> getAnnotatedEndpointClasses(Set<Class<?>> scanned) {
    Set<Class<?>> deployed = new HashSet<>(scanned);
    deployed.remove(GraphQLServerWebSocket.class);
    deployed.add(GraphQLWebSocket.class);
    return deployed;
  }
}
