package io.esledger.infrastructure.eventstore.elasticsearch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy in front of Elasticsearch that forwards every request and can lose the response of a
 * {@code _bulk} request after Elasticsearch applied it: it reads the answer and closes the client's
 * connection instead of passing it on (what a network failure after sending looks like).
 */
final class DroppingProxy implements AutoCloseable {

  private final ServerSocket server;
  private final InetSocketAddress target;
  private final AtomicInteger bulkResponsesToDrop = new AtomicInteger();
  private final AtomicInteger dropped = new AtomicInteger();

  DroppingProxy(int targetPort) throws IOException {
    this.server = new ServerSocket(0);
    this.target = new InetSocketAddress("127.0.0.1", targetPort);
    Thread acceptor = new Thread(this::accept, "dropping-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  /** The next {@code n} responses to {@code _bulk} requests are lost after Elasticsearch answered. */
  void dropBulkResponses(int n) {
    bulkResponsesToDrop.set(n);
  }

  int dropped() {
    return dropped.get();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket upstream = new Socket(target.getAddress(), target.getPort());
        boolean[] dropThisResponse = {false};
        start(() -> pump(client, upstream, dropThisResponse, true));
        start(() -> pump(upstream, client, dropThisResponse, false));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void pump(Socket from, Socket to, boolean[] dropResponse, boolean request) {
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        if (request) {
          String head = new String(buffer, 0, Math.min(n, 200), StandardCharsets.ISO_8859_1);
          if (head.startsWith("POST") && head.contains("_bulk") && bulkResponsesToDrop.getAndUpdate(
              left -> Math.max(0, left - 1)) > 0) {
            synchronized (dropResponse) {
              dropResponse[0] = true;
            }
          }
          out.write(buffer, 0, n);
          out.flush();
        } else {
          boolean drop;
          synchronized (dropResponse) {
            drop = dropResponse[0];
          }
          if (drop) {
            dropped.incrementAndGet();
            to.close(); // the client never hears back; Elasticsearch has applied the request
            from.close();
            return;
          }
          out.write(buffer, 0, n);
          out.flush();
        }
      }
    } catch (IOException e) {
      // one side went away: close the other
    } finally {
      try {
        to.close();
        from.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }

  private static void start(Runnable r) {
    Thread t = new Thread(r, "dropping-proxy-pump");
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
