package io.esledger.interfaces.graphql.security;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.Principal;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Verifies a bearer token that did not come in an HTTP header — the one a browser puts in a
 * WebSocket's {@code connection_init} payload, since it cannot set headers on the upgrade — with
 * the very verifier that checks headers: Open Liberty's MicroProfile JWT feature. The token is sent
 * back to this server over loopback as an {@code Authorization} header, to {@link #PATH}; the
 * platform verifies it as it verifies every request (signature, issuer, audience, expiry, clock
 * skew), and {@link TokenCheckServlet} hands the verified token over under a one-time nonce. No
 * second JWT implementation, no second configuration.
 */
final class TokenVerification {

  /** Where the loopback request goes (outside /graphql: it is not a GraphQL request). */
  static final String PATH = "/token-check";
  static final String NONCE_HEADER = "X-Ledger-Token-Check";

  private static final Map<String, CompletableFuture<Principal>> PENDING = new ConcurrentHashMap<>();
  private static volatile URI loopback;

  private TokenVerification() {}

  /**
   * Learns where this server answers from a request it received (its local port, scheme and context
   * path); plain HTTP is preferred when both are seen.
   */
  static void seen(HttpServletRequest request) {
    URI known = loopback;
    if (known == null || !request.isSecure() && "https".equals(known.getScheme())) {
      loopback = URI.create((request.isSecure() ? "https" : "http") + "://127.0.0.1:" + request.getLocalPort()
          + request.getContextPath() + PATH);
    }
  }

  /** The token as the platform verified it; null when it refused it (or cannot be asked). */
  static Principal verify(String token) {
    URI target = loopback;
    if (target == null || token == null || token.isBlank() || token.length() > 16_384) {
      return null;
    }
    String nonce = UUID.randomUUID().toString();
    CompletableFuture<Principal> handedOver = new CompletableFuture<>();
    PENDING.put(nonce, handedOver);
    try {
      HttpURLConnection connection = (HttpURLConnection) target.toURL().openConnection();
      if (connection instanceof HttpsURLConnection https) {
        loopbackOnly(https);
      }
      connection.setConnectTimeout(5_000);
      connection.setReadTimeout(10_000);
      connection.setRequestProperty("Authorization", "Bearer " + token);
      connection.setRequestProperty(NONCE_HEADER, nonce);
      int status = connection.getResponseCode();
      try (InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
        if (body != null) {
          body.readAllBytes();
        }
      }
      return status == 204 ? handedOver.getNow(null) : null;
    } catch (IOException | GeneralSecurityException e) {
      java.util.logging.Logger.getLogger(TokenVerification.class.getName())
          .warning(() -> "could not verify a WebSocket's token over loopback (" + target + "): " + e);
      return null;
    } finally {
      PENDING.remove(nonce);
    }
  }

  /** Called by {@link TokenCheckServlet} with the principal of a request carrying a pending nonce. */
  static boolean handOver(String nonce, Principal verified) {
    CompletableFuture<Principal> waiting = nonce == null ? null : PENDING.get(nonce);
    return waiting != null && waiting.complete(verified);
  }

  /**
   * Over HTTPS the loopback connection reaches this same server on 127.0.0.1, whose certificate is
   * made out to its public name: it is accepted for this one connection, which carries the token
   * to the process that already holds it.
   */
  private static void loopbackOnly(HttpsURLConnection https) throws GeneralSecurityException {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {new X509TrustManager() {
      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType) {}

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType) {}

      @Override
      public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
      }
    }}, null);
    https.setSSLSocketFactory(context.getSocketFactory());
    https.setHostnameVerifier((host, session) -> "127.0.0.1".equals(host));
  }
}
