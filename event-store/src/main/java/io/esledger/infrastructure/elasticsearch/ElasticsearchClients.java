package io.esledger.infrastructure.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.http.Header;
import org.apache.http.HttpHeaders;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;

/** Builds the one Elasticsearch client the application shares (it is thread-safe and pooled). */
public final class ElasticsearchClients {

  private ElasticsearchClients() {}

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .build();

  /**
   * The one JSON mapper (thread-safe, never reconfigured): keeps decimals exact, {@code 100.00} is
   * read back as {@code 100.00}, never as the double {@code 100.0}.
   */
  public static ObjectMapper objectMapper() {
    return MAPPER;
  }

  public static ElasticsearchClient create(ElasticsearchSettings settings) {
    return create(settings, Optional.empty());
  }

  /**
   * A client whose HTTPS connections trust exactly {@code tls} (e.g. {@link #trusting} the cluster's
   * own CA); without it, the JVM's default trust store.
   */
  public static ElasticsearchClient create(ElasticsearchSettings settings, Optional<SSLContext> tls) {
    return create(settings, tls, null);
  }

  /** As {@link #create(ElasticsearchSettings, Optional)}, each call told to {@code calls} (metrics). */
  public static ElasticsearchClient create(ElasticsearchSettings settings, Optional<SSLContext> tls,
      ElasticsearchCalls calls) {
    HttpHost[] hosts = settings.hosts().stream().map(HttpHost::create).toArray(HttpHost[]::new);
    RestClientBuilder builder = RestClient.builder(hosts)
        .setRequestConfigCallback(request -> request
            .setConnectTimeout((int) settings.connectTimeout().toMillis())
            .setConnectionRequestTimeout((int) settings.connectTimeout().toMillis())
            .setSocketTimeout((int) settings.socketTimeout().toMillis()))
        .setHttpClientConfigCallback(http -> {
          http.setMaxConnTotal(64).setMaxConnPerRoute(64);
          tls.ifPresent(http::setSSLContext);
          if (settings.username().isPresent()) {
            BasicCredentialsProvider credentials = new BasicCredentialsProvider();
            credentials.setCredentials(AuthScope.ANY, new UsernamePasswordCredentials(
                settings.username().get(), settings.password().orElse("")));
            http.setDefaultCredentialsProvider(credentials);
          }
          return http;
        });
    settings.apiKey().ifPresent(key -> builder.setDefaultHeaders(new Header[] {apiKeyHeader(key)}));
    return new ElasticsearchClient(new RestClientTransport(builder.build(), new JacksonJsonpMapper(MAPPER), null,
        calls));
  }

  /**
   * TLS that trusts the certificates in a PEM file (an Elasticsearch 8 cluster's
   * {@code config/certs/http_ca.crt}, or any CA bundle) and nothing else; host names are verified.
   */
  public static SSLContext trusting(Path pemCertificates) {
    try (InputStream in = Files.newInputStream(pemCertificates)) {
      KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
      trusted.load(null, null);
      int n = 0;
      for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        trusted.setCertificateEntry("ca-" + n++, certificate);
      }
      if (n == 0) {
        throw new IllegalArgumentException("no certificate in " + pemCertificates);
      }
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trusted);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot read the CA certificate(s) in " + pemCertificates + ": " + e, e);
    }
  }

  private static Header apiKeyHeader(String key) {
    // an "id:secret" pair is encoded here; an already encoded key is sent as is
    String encoded = key.contains(":")
        ? Base64.getEncoder().encodeToString(key.getBytes(StandardCharsets.UTF_8))
        : key;
    return new BasicHeader(HttpHeaders.AUTHORIZATION, "ApiKey " + encoded);
  }
}
