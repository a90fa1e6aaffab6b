package io.esledger.it;

import static io.esledger.it.GraphQL.READ;
import static io.esledger.it.GraphQL.WRITE;
import static io.esledger.it.GraphQL.errors;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The dashboard as a person sees it: headless Chromium (Debian's chromium package) loads
 * {@code /dashboard/} from the real server with a token of an organization whose events are known,
 * the page's figures are read back from what the browser rendered — they must equal what the API
 * says — every chart must have drawn (SVG paths in its box), and a screenshot is written to
 * {@code target/dashboard.png}.
 */
@ExtendWith(ArquillianExtension.class)
class DashboardIT {

  private static final String PROCESS =
      "mutation($input: ProcessPaymentInput!) { processPayment(input: $input) { consistencyToken } }";

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return LedgerDeployment.ear();
  }

  static String browser() {
    for (String candidate : List.of(System.getProperty("browser", ""), "chromium", "chromium-browser", "google-chrome")) {
      if (candidate.isBlank()) {
        continue;
      }
      for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
        Path path = Path.of(candidate).isAbsolute() ? Path.of(candidate) : Path.of(dir, candidate);
        if (Files.isExecutable(path)) {
          return path.toString();
        }
      }
    }
    throw new IllegalStateException("the dashboard test needs a Chromium: Debian's chromium package "
        + "(apt-get install chromium), or -Dbrowser=/path/to/chrome");
  }

  private static String chromium(Path profile, String url, String... output) throws Exception {
    List<String> command = new ArrayList<>(List.of(browser(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,1700",
        "--virtual-time-budget=30000"));
    command.addAll(List.of(output));
    command.add(url);
    Path out = Files.createTempFile("chromium", ".out");
    Process process = new ProcessBuilder(command).redirectErrorStream(false)
        .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("chromium finished").isTrue();
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  @Test
  void the_dashboard_draws_the_organizations_figures_as_the_api_gives_them() throws Exception {
    String organization = "dash-" + UUID.randomUUID().toString().substring(0, 8);
    GraphQL alice = new GraphQL(GraphQL.base(), GraphQL.token(organization, "alice", READ, WRITE));
    GraphQL bob = new GraphQL(GraphQL.base(), GraphQL.token(organization, "bob", READ, WRITE));
    List<String> written = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      GraphQL who = i < 4 ? alice : bob;
      JsonObject done = who.post(PROCESS, Map.of("input", Map.of("paymentId", "d-" + i, "amount", (i + 1) + ".00",
          "currency", "EUR")));
      assertThat(errors(done)).as(done.toString()).isEmpty();
      written.add(done.getJsonObject("data").getJsonObject("processPayment").getString("consistencyToken"));
    }
    for (String[] failure : List.of(new String[] {"f-1", "DECLINED"}, new String[] {"f-2", "INSUFFICIENT_FUNDS"})) {
      JsonObject failed = bob.post("mutation($input: FailPaymentInput!) { failPayment(input: $input) { consistencyToken } }",
          Map.of("input", Map.of("paymentId", failure[0], "reasonCode", failure[1])));
      assertThat(errors(failed)).as(failed.toString()).isEmpty();
      written.add(failed.getJsonObject("data").getJsonObject("failPayment").getString("consistencyToken"));
    }
    JsonObject refunded = alice.post("mutation($input: RefundPaymentInput!) { refundPayment(input: $input) { consistencyToken } }",
        Map.of("input", Map.of("paymentId", "d-0")));
    assertThat(errors(refunded)).as(refunded.toString()).isEmpty();
    written.add(refunded.getJsonObject("data").getJsonObject("refundPayment").getString("consistencyToken"));
    int total = statistics(alice, written);
    assertThat(total).isEqualTo(7);

    Path profile = Files.createTempDirectory("chromium-profile");
    String url = GraphQL.base().resolve("/dashboard/") + "#token=" + alice.token();
    String dom = chromium(profile, url, "--dump-dom");

    assertThat(attribute(dom, "body", "data-state")).as("the page finished without errors").isEqualTo("ready");
    assertThat(text(dom, "total")).isEqualTo(Integer.toString(total));
    assertThat(text(dom, "organizations")).isEqualTo("1");
    assertThat(dataSum(dom, "trend")).isEqualTo(total);
    assertThat(dataSum(dom, "heatmap")).isEqualTo(total);
    assertThat(dataSum(dom, "organizations-chart")).isEqualTo(total);
    assertThat(dataSum(dom, "users-chart")).isEqualTo(total);
    assertThat(text(dom, "lag")).isEqualTo("operators only");
    assertThat(dataSum(dom, "failures-chart")).as("failures by reason").isEqualTo(2);
    assertThat(text(dom, "refund-rate")).as("1 of 7 captured payments refunded").isEqualTo("14.3 %");
    for (String chart : List.of("trend", "heatmap", "organizations-chart", "users-chart", "failures-chart")) {
      assertThat(paths(dom, chart)).as("SVG paths drawn in " + chart).isGreaterThan(5);
    }
    assertThat(paths(dom, "heatmap")).as("a cell per weekday and hour").isGreaterThanOrEqualTo(7 * 24);
    assertThat(dom).contains("alice").contains("bob").contains("d-6");

    Path screenshot = Path.of("target", "dashboard.png").toAbsolutePath();
    Files.deleteIfExists(screenshot);
    chromium(profile, url, "--screenshot=" + screenshot, "--hide-scrollbars");
    assertThat(screenshot).exists();
    assertThat(Files.size(screenshot)).as("a screenshot with something on it").isGreaterThan(20_000);
  }

  /** The API's own count, consistent with the writes (their tokens): the analytics cache cannot answer older. */
  private static int statistics(GraphQL client, List<String> consistentWith) {
    String query = "query($from: DateTime!, $to: DateTime!, $tokens: [String!]) { eventStatistics(eventType: "
        + "\"PaymentProcessed\", from: $from, to: $to, consistentWith: $tokens) { total } }";
    JsonObject answer = client.post(query, Map.of("from", Instant.now().minus(1, ChronoUnit.DAYS).toString(),
        "to", Instant.now().plus(1, ChronoUnit.DAYS).toString(), "tokens", consistentWith));
    assertThat(errors(answer)).as(answer.toString()).isEmpty();
    return answer.getJsonObject("data").getJsonObject("eventStatistics").getInt("total");
  }

  private static String element(String dom, String id) {
    int at = dom.indexOf("id=\"" + id + "\"");
    assertThat(at).as("element #" + id + " in the page").isGreaterThanOrEqualTo(0);
    return dom.substring(dom.lastIndexOf('<', at));
  }

  private static String text(String dom, String id) {
    String from = element(dom, id);
    return from.substring(from.indexOf('>') + 1, from.indexOf('<', 1)).trim();
  }

  private static int dataSum(String dom, String id) {
    Matcher m = Pattern.compile("data-sum=\"(\\d+)\"").matcher(element(dom, id).substring(0,
        element(dom, id).indexOf('>')));
    assertThat(m.find()).as("#" + id + " has data-sum (its chart was given data)").isTrue();
    return Integer.parseInt(m.group(1));
  }

  private static String attribute(String dom, String tag, String name) {
    Matcher m = Pattern.compile("<" + tag + "[^>]*\\s" + name + "=\"([^\"]*)\"").matcher(dom);
    return m.find() ? m.group(1) : null;
  }

  /** How many SVG paths the chart's box holds (up to the next panel). */
  private static int paths(String dom, String id) {
    String from = element(dom, id);
    int end = from.indexOf("class=\"panel", 1);
    String box = end < 0 ? from : from.substring(0, end);
    int count = 0;
    for (int i = box.indexOf("<path"); i >= 0; i = box.indexOf("<path", i + 1)) {
      count++;
    }
    return count;
  }

}
