package io.esledger.infrastructure.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
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
    HttpHost[] hosts = settings.hosts().stream().map(HttpHost::create).toArray(HttpHost[]::new);
    RestClientBuilder builder = RestClient.builder(hosts)
        .setRequestConfigCallback(request -> request
            .setConnectTimeout((int) settings.connectTimeout().toMillis())
            .setConnectionRequestTimeout((int) settings.connectTimeout().toMillis())
            .setSocketTimeout((int) settings.socketTimeout().toMillis()))
        .setHttpClientConfigCallback(http -> {
          http.setMaxConnTotal(64).setMaxConnPerRoute(64);
          if (settings.username().isPresent()) {
            BasicCredentialsProvider credentials = new BasicCredentialsProvider();
            credentials.setCredentials(AuthScope.ANY, new UsernamePasswordCredentials(
                settings.username().get(), settings.password().orElse("")));
            http.setDefaultCredentialsProvider(credentials);
          }
          return http;
        });
    settings.apiKey().ifPresent(key -> builder.setDefaultHeaders(new Header[] {apiKeyHeader(key)}));
    return new ElasticsearchClient(
        new RestClientTransport(builder.build(), new JacksonJsonpMapper(MAPPER)));
  }

  private static Header apiKeyHeader(String key) {
    // an "id:secret" pair is encoded here; an already encoded key is sent as is
    String encoded = key.contains(":")
        ? Base64.getEncoder().encodeToString(key.getBytes(StandardCharsets.UTF_8))
        : key;
    return new BasicHeader(HttpHeaders.AUTHORIZATION, "ApiKey " + encoded);
  }
}
