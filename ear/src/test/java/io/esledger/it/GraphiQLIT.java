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

/**
 * GraphiQL is served by the app itself, with every asset local (it must work offline), and works in
 * a real browser as a person uses it: headless Chromium opens the URL {@code ./run.sh} prints, the
 * schema loads (the documentation explorer lists the queries), a query typed into the editor and
 * run by a click on the run button answers, and a subscription run the same way streams.
 */
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
    assertThat(page.body()).contains("graphiql.min.js").contains("ledger-graphiql.js");
    assertThat(page.body()).as("nothing linked from elsewhere, not even in a comment")
        .doesNotContain("https://").doesNotContain("http://").doesNotContain("//unpkg").doesNotContain("//cdn");
    for (String asset : java.util.List.of("graphiql.min.js", "graphiql.min.css", "react.production.min.js",
        "react-dom.production.min.js", "ledger-graphiql.js", "favicon.ico")) {
      assertThat(get("/graphql-ui/" + asset).statusCode()).as(asset).isEqualTo(200);
    }
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

  /** The GraphiQL URL as ./run.sh prints it: the development token in the headers editor. */
  static String graphiqlUrl(String token) {
    return GraphQL.base().resolve("/graphql-ui/") + "?headers="
        + java.net.URLEncoder.encode("{\"Authorization\":\"Bearer " + token + "\"}", java.nio.charset.StandardCharsets.UTF_8)
            .replace("+", "%20");
  }

  private static final String EDITOR = ".graphiql-query-editor .CodeMirror";
  private static final String RESULT =
      "(() => { const e = document.querySelector('.result-window .CodeMirror'); return e ? e.CodeMirror.getValue() : null; })()";

  /**
   * Clicks into the query editor, selects what is there and types {@code query} (an operation named
   * {@code name}) over it; once GraphiQL has taken the edit in (it names the operation in the page's
   * URL, as a person sees it before pressing run), clicks the run button.
   */
  private static void typeAndRun(Browser browser, String query, String name) throws Exception {
    browser.click(EDITOR);
    browser.press("a", "KeyA", 65, 2); // Ctrl+A
    browser.press("Backspace", "Backspace", 8, 0);
    browser.type(query);
    browser.await("GraphiQL to take in the operation " + name, Duration.ofSeconds(10),
        () -> name.equals(textOf(browser, "(() => new URLSearchParams(location.search).get('operationName'))()")));
    browser.click(".graphiql-execute-button");
  }

  @Test
  void a_person_runs_a_query_and_a_subscription_in_graphiql_in_a_real_browser() throws Exception {
    String org = "gq-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    GraphQL caller = GraphQL.onTestServer().as(org);
    String paymentId = "graphiql-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    jakarta.json.JsonObject written = caller.post("mutation p($input: ProcessPaymentInput!) { processPayment(input: $input) "
        + "{ consistencyToken } }", java.util.Map.of("input", java.util.Map.of("paymentId", paymentId, "amount", "12.34",
        "currency", "EUR")));
    assertThat(GraphQL.errors(written)).as(written.toString()).isEmpty();

    try (Browser browser = Browser.start()) {
      browser.open(graphiqlUrl(caller.token()));
      browser.await("the GraphiQL editor", Duration.ofSeconds(30),
          () -> present(browser, EDITOR) && present(browser, ".graphiql-execute-button"));

      // the schema loaded: the documentation explorer lists the root query's fields
      browser.click("button[aria-label='Show Documentation Explorer']");
      browser.await("the documentation explorer", Duration.ofSeconds(30), () -> textOf(browser, ".graphiql-doc-explorer")
          .contains("Query"));
      browser.click(".graphiql-doc-explorer a.graphiql-doc-explorer-type-name");
      browser.await("the root query's fields", Duration.ofSeconds(30),
          () -> textOf(browser, ".graphiql-doc-explorer").contains("paymentHistory"));

      typeAndRun(browser, "query History { paymentHistory(paymentId: \"" + paymentId + "\") { eventType data } }", "History");
      browser.await("the query's answer", Duration.ofSeconds(30), () -> textOf(browser, RESULT).contains("PaymentProcessed"),
          () -> state(browser));
      String answer = textOf(browser, RESULT);
      assertThat(answer).contains("12.34").doesNotContain("errors");

      typeAndRun(browser, "subscription Live { events(filter: { aggregateTypes: [\"Payment\"] }) { event { aggregateId } } }",
          "Live");
      browser.await("the subscription's history", Duration.ofSeconds(30),
          () -> textOf(browser, RESULT).contains(paymentId), () -> state(browser));
      String live = "graphiql-live-" + java.util.UUID.randomUUID().toString().substring(0, 8);
      jakarta.json.JsonObject more = caller.post("mutation p($input: ProcessPaymentInput!) { processPayment(input: $input) "
          + "{ version } }", java.util.Map.of("input", java.util.Map.of("paymentId", live, "amount", "1.00", "currency", "EUR")));
      assertThat(GraphQL.errors(more)).as(more.toString()).isEmpty();
      browser.await("a live event in the subscription's pane", Duration.ofSeconds(30),
          () -> textOf(browser, RESULT).contains(live), () -> state(browser));
      assertThat(textOf(browser, RESULT)).doesNotContain("isTrusted").doesNotContain("errors");
      java.nio.file.Files.write(java.nio.file.Path.of("target", "graphiql.png"), browser.screenshot());
    }
  }

  @Test
  void without_a_token_graphiql_shows_a_coded_refusal_not_a_broken_page() throws Exception {
    try (Browser browser = Browser.start()) {
      browser.open(GraphQL.base().resolve("/graphql-ui/").toString());
      browser.await("the GraphiQL editor", Duration.ofSeconds(30), () -> present(browser, EDITOR));
      typeAndRun(browser, "query Payments { payments { total } }", "Payments");
      browser.await("an answer", Duration.ofSeconds(30), () -> !textOf(browser, RESULT).isBlank());
      assertThat(textOf(browser, RESULT)).contains("UNAUTHENTICATED").doesNotContain("UNSUPPORTED_MEDIA_TYPE");
    }
  }

  /** What the editor holds and what the result pane shows. */
  private static String state(Browser browser) {
    return "editor: " + textOf(browser, "(() => { const e = document.querySelector('" + EDITOR
        + "'); return e ? e.CodeMirror.getValue() : null; })()") + " | result: " + textOf(browser, RESULT);
  }

  private static boolean present(Browser browser, String selector) {
    try {
      return browser.eval("document.querySelector(" + Browser.quote(selector) + ") !== null") == jakarta.json.JsonValue.TRUE;
    } catch (Exception e) {
      return false;
    }
  }

  /** The text of an element (a selector), or the value of an expression (anything starting with a parenthesis). */
  private static String textOf(Browser browser, String selectorOrExpression) {
    try {
      String text = browser.text(selectorOrExpression.startsWith("(") ? selectorOrExpression
          : "(() => { const e = document.querySelector(" + Browser.quote(selectorOrExpression)
              + "); return e ? e.innerText : null; })()");
      return text == null ? "" : text;
    } catch (Exception e) {
      return "";
    }
  }
}
