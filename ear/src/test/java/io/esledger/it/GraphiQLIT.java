package io.esledger.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** GraphiQL is served by the app itself, with every asset local (it must work offline). */
@ExtendWith(ArquillianExtension.class)
class GraphiQLIT {

  // HTTP/1.1: the JDK client's h2c upgrade attempt on a GET was seen to hang against Liberty
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base = URI.create("http://localhost:" + System.getProperty("liberty.http.port") + "/");

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return LedgerDeployment.ear();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void the_page_and_its_scripts_are_served_locally() throws Exception {
    HttpResponse<String> page = get("/graphql-ui/");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("graphiql.min.js").contains("render.js");
    assertThat(page.body().replaceAll("(?s)<!--.*?-->", "")).doesNotContain("https://");
    assertThat(get("/graphql-ui/graphiql.min.js").statusCode()).isEqualTo(200);
    assertThat(get("/graphql-ui/render.js").body()).contains("'/graphql'");
  }

  @Test
  void the_schema_is_published_with_the_contract_names() throws Exception {
    String schema = get("/graphql/schema.graphql").body();

    assertThat(schema).contains("processPayment(input: ProcessPaymentInput!): PaymentReceipt!");
    // optional arguments added since (asOfVersion, asOf) keep every existing query valid; the printer sorts
    // arguments and puts described ones on lines of their own, so compare without descriptions and spaces
    String compact = schema.replaceAll("\"[^\"]*\"", "").replaceAll("\\s+", "");
    assertThat(compact).contains("paymentHistory(asOf:DateTime,asOfVersion:Int,paymentId:ID!):[StoredEvent!]!");
    assertThat(compact).contains("payment(asOf:DateTime,asOfVersion:Int,paymentId:ID!):Payment");
    assertThat(schema).contains("event(eventId: ID!): StoredEvent");
  }

  @Test
  void graphiqls_introspection_query_fits_the_request_limits() {
    // the query GraphiQL sends on load (graphql-js getIntrospectionQuery): its depth (13) and field count (about
    // 190) must stay within the limits that refuse depth and alias bombs
    String typeRef = "kind name" + " ofType { kind name".repeat(7) + " }".repeat(7);
    String query = """
        query IntrospectionQuery { __schema { queryType { name } mutationType { name } subscriptionType { name }
          types { ...FullType } directives { name description locations args { ...InputValue } } } }
        fragment FullType on __Type { kind name description
          fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef }
            isDeprecated deprecationReason }
          inputFields { ...InputValue } interfaces { ...TypeRef }
          enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
          possibleTypes { ...TypeRef } }
        fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
        fragment TypeRef on __Type { %s }""".formatted(typeRef);

    jakarta.json.JsonObject response = GraphQL.onTestServer().post(query, java.util.Map.of());

    assertThat(GraphQL.errors(response)).as(response.toString()).isEmpty();
    assertThat(response.getJsonObject("data").getJsonObject("__schema").getJsonArray("types")).isNotEmpty();
  }
}
