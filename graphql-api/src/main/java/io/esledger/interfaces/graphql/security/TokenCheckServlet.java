package io.esledger.interfaces.graphql.security;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The receiving end of {@link TokenVerification}: a loopback request whose bearer token the
 * platform verified, carrying a nonce this process is waiting for, answers 204 and hands the
 * verified token over; anything else answers 401 and reveals nothing.
 */
@WebServlet(TokenVerification.PATH)
public class TokenCheckServlet extends HttpServlet {

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) {
    boolean handedOver = loopback(request.getRemoteAddr())
        && request.getUserPrincipal() != null
        && RequestGate.usable(request.getUserPrincipal())
        && TokenVerification.handOver(request.getHeader(TokenVerification.NONCE_HEADER), request.getUserPrincipal());
    response.setStatus(handedOver ? HttpServletResponse.SC_NO_CONTENT : HttpServletResponse.SC_UNAUTHORIZED);
  }

  private static boolean loopback(String address) {
    try {
      return address != null && InetAddress.getByName(address).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
