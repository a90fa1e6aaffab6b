package io.esledger.analytics.projection;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A TCP proxy in front of Elasticsearch that holds the first {@code _bulk} request it sees for a
 * while before passing it on: an append decided now whose flush reaches the cluster only later.
 * Everything else passes at once.
 */
final class HoldingProxy implements AutoCloseable {

  private final ServerSocket server;
  private final int targetPort;
  private final Duration hold;
  private final AtomicBoolean held = new AtomicBoolean();

  HoldingProxy(int targetPort, Duration hold) throws IOException {
    this.server = new ServerSocket(0);
    this.targetPort = targetPort;
    this.hold = hold;
    Thread acceptor = new Thread(this::accept, "holding-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket cluster = new Socket("127.0.0.1", targetPort);
        pipe(client.getInputStream(), cluster.getOutputStream(), true, client, cluster);
        pipe(cluster.getInputStream(), client.getOutputStream(), false, client, cluster);
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void pipe(InputStream from, OutputStream to, boolean requests, Socket a, Socket b) {
    Thread thread = new Thread(() -> {
      byte[] buffer = new byte[64 * 1024];
      try {
        for (int n; (n = from.read(buffer)) > 0; ) {
          if (requests && new String(buffer, 0, Math.min(n, 200), StandardCharsets.US_ASCII).contains("/_bulk")
              && held.compareAndSet(false, true)) {
            Thread.sleep(hold.toMillis()); // the flush is on its way, and late
          }
          to.write(buffer, 0, n);
          to.flush();
        }
      } catch (IOException | InterruptedException e) {
        // a side closed: close both
      } finally {
        close(a);
        close(b);
      }
    }, "holding-proxy-pipe");
    thread.setDaemon(true);
    thread.start();
  }

  private static void close(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
