package io.esledger.infrastructure.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.FileInputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.elasticsearch.client.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS to a cluster with its own CA (as Elasticsearch 8 sets up): a TLS server whose self-signed
 * certificate (made with the JDK's keytool) is trusted when, and only when, its PEM is configured.
 */
class TrustedCertificateTest {

  @TempDir
  Path dir;
  private HttpsServer server;
  private Path ca;

  @BeforeEach
  void tlsServer() throws Exception {
    Path keystore = dir.resolve("server.p12");
    ca = dir.resolve("http_ca.crt");
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    run(keytool, "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
        "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
        "-keystore", keystore.toString(), "-storepass", "changeit", "-keypass", "changeit");
    run(keytool, "-exportcert", "-rfc", "-alias", "server", "-keystore", keystore.toString(), "-storepass",
        "changeit", "-file", ca.toString());

    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (FileInputStream in = new FileInputStream(keystore.toFile())) {
      keys.load(in, "changeit".toCharArray());
    }
    KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keyManagers.init(keys, "changeit".toCharArray());
    SSLContext serverTls = SSLContext.getInstance("TLS");
    serverTls.init(keyManagers.getKeyManagers(), null, null);
    server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(serverTls));
    server.createContext("/", exchange -> {
      byte[] body = "{\"tagline\":\"You Know, for Search\"}".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private static void run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(out).isZero();
  }

  private int get(Optional<SSLContext> tls) throws Exception {
    String url = "https://localhost:" + server.getAddress().getPort();
    ElasticsearchSettings local = ElasticsearchSettings.local(url, "tls-");
    ElasticsearchClient client = ElasticsearchClients.create(local, tls);
    try {
      return ((RestClientTransport) client._transport()).restClient().performRequest(new Request("GET", "/"))
          .getStatusLine().getStatusCode();
    } finally {
      client._transport().close();
    }
  }

  @Test
  void the_clusters_own_ca_is_trusted_when_configured() throws Exception {
    assertThat(Files.readString(ca)).startsWith("-----BEGIN CERTIFICATE-----");

    assertThat(get(Optional.of(ElasticsearchClients.trusting(ca)))).isEqualTo(200);
  }

  @Test
  void without_it_the_self_signed_certificate_is_refused() {
    assertThatThrownBy(() -> get(Optional.empty())).satisfies(e -> {
      List<Class<?>> chain = new java.util.ArrayList<>();
      for (Throwable t = e; t != null; t = t.getCause()) {
        chain.add(t.getClass());
      }
      assertThat(chain).as("the handshake failed").contains(SSLHandshakeException.class);
    });
  }

  @Test
  void a_file_without_a_certificate_is_a_clear_error() throws Exception {
    Path empty = Files.writeString(dir.resolve("empty.pem"), "not a certificate");
    assertThatThrownBy(() -> ElasticsearchClients.trusting(empty)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty.pem");
  }
}
