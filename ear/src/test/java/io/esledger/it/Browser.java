package io.esledger.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Headless Chromium driven as a person drives a browser, over the DevTools protocol: open a page,
 * click on an element, type, press keys, read what the page shows. Real mouse and keyboard events
 * go to the page (the page cannot tell them from a person's); JavaScript is used only to find where
 * an element is and to read text back.
 */
final class Browser implements AutoCloseable {

  private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");

  private final Process process;
  private final Path profile;
  private final WebSocket page;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonObject>> answers = new ConcurrentHashMap<>();
  /** Messages the page logged to its console, and its uncaught exceptions. */
  final List<String> console = new ArrayList<>();

  private Browser(Process process, Path profile, WebSocket page) {
    this.process = process;
    this.profile = profile;
    this.page = page;
  }

  static Browser start() throws Exception {
    Path profile = Files.createTempDirectory("chromium-profile");
    Process process = new ProcessBuilder(DashboardIT.browser(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1400,1000",
        "--remote-debugging-port=0", "about:blank")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String endpoint = null;
    BufferedReader stderr = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    for (String line; endpoint == null && System.nanoTime() < deadline && (line = stderr.readLine()) != null; ) {
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        endpoint = m.group(1);
      }
    }
    assertThat(endpoint).as("chromium's DevTools endpoint").isNotNull();
    Thread drain = new Thread(() -> stderr.lines().forEach(l -> { }), "chromium-stderr");
    drain.setDaemon(true);
    drain.start();
    URI browser = URI.create(endpoint);
    HttpClient http = HttpClient.newHttpClient();
    String targets = http.send(HttpRequest.newBuilder(URI.create("http://" + browser.getAuthority() + "/json/list"))
        .build(), HttpResponse.BodyHandlers.ofString()).body();
    JsonObject target;
    try (JsonReader reader = Json.createReader(new StringReader(targets))) {
      target = reader.readArray().getValuesAs(JsonObject.class).stream()
          .filter(t -> "page".equals(t.getString("type"))).findFirst().orElseThrow();
    }
    Browser[] self = new Browser[1];
    WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(target.getString("webSocketDebuggerUrl")),
        new WebSocket.Listener() {
          private final StringBuilder partial = new StringBuilder();

          @Override
          public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
              try (JsonReader reader = Json.createReader(new StringReader(partial.toString()))) {
                self[0].received(reader.readObject());
              }
              partial.setLength(0);
            }
            ws.request(1);
            return null;
          }
        }).get(10, TimeUnit.SECONDS);
    self[0] = new Browser(process, profile, socket);
    self[0].call("Runtime.enable", Json.createObjectBuilder());
    self[0].call("Page.enable", Json.createObjectBuilder());
    return self[0];
  }

  private void received(JsonObject message) {
    if (message.containsKey("id")) {
      CompletableFuture<JsonObject> answer = answers.remove(message.getInt("id"));
      if (answer != null) {
        answer.complete(message);
      }
    } else if ("Runtime.consoleAPICalled".equals(message.getString("method", ""))) {
      synchronized (console) {
        console.add(message.getJsonObject("params").getJsonArray("args").toString());
      }
    } else if ("Runtime.exceptionThrown".equals(message.getString("method", ""))) {
      synchronized (console) {
        console.add("exception: " + message.getJsonObject("params").toString());
      }
    }
  }

  JsonObject call(String method, JsonObjectBuilder params) throws Exception {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonObject> answer = new CompletableFuture<>();
    answers.put(id, answer);
    page.sendText(Json.createObjectBuilder().add("id", id).add("method", method).add("params", params).build()
        .toString(), true).get(10, TimeUnit.SECONDS);
    JsonObject reply = answer.get(30, TimeUnit.SECONDS);
    assertThat(reply.containsKey("error")).as(method + ": " + reply).isFalse();
    return reply.getJsonObject("result");
  }

  void open(String url) throws Exception {
    call("Page.navigate", Json.createObjectBuilder().add("url", url));
  }

  /** The value of a JavaScript expression evaluated in the page (JSON values only). */
  JsonValue eval(String expression) throws Exception {
    JsonObject result = call("Runtime.evaluate", Json.createObjectBuilder().add("expression", expression)
        .add("returnByValue", true).add("awaitPromise", true)).getJsonObject("result");
    return result.containsKey("value") ? result.get("value") : JsonValue.NULL;
  }

  String text(String expression) throws Exception {
    JsonValue value = eval(expression);
    return value instanceof jakarta.json.JsonString s ? s.getString() : null;
  }

  /** Waits until {@code condition} holds, checking every 200 ms. */
  void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
    await(what, timeout, condition, () -> "");
  }

  /** As {@link #await(String, Duration, BooleanSupplier)}; on timeout the failure says what {@code state} reads. */
  void await(String what, Duration timeout, BooleanSupplier condition, java.util.function.Supplier<String> state)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        String seen = state.get();
        synchronized (console) {
          throw new AssertionError("waited " + timeout.toSeconds() + " s for " + what + "; the page shows: " + seen
              + "; its console: " + console);
        }
      }
      Thread.sleep(200);
    }
  }

  /** A left click in the middle of the first element matching {@code selector}. */
  void click(String selector) throws Exception {
    JsonValue box = eval("(() => { const e = document.querySelector(" + quote(selector) + "); if (!e) return null;"
        + " e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();"
        + " return [r.left + r.width / 2, r.top + r.height / 2]; })()");
    assertThat(box).as("an element " + selector + " to click").isInstanceOf(JsonArray.class);
    double x = ((JsonArray) box).getJsonNumber(0).doubleValue();
    double y = ((JsonArray) box).getJsonNumber(1).doubleValue();
    for (String type : List.of("mousePressed", "mouseReleased")) {
      call("Input.dispatchMouseEvent", Json.createObjectBuilder().add("type", type).add("x", x).add("y", y)
          .add("button", "left").add("clickCount", 1));
    }
  }

  /** Types text where the focus is, as a keyboard would insert it. */
  void type(String text) throws Exception {
    call("Input.insertText", Json.createObjectBuilder().add("text", text));
  }

  /** Presses a key with modifiers (1 Alt, 2 Ctrl, 4 Meta, 8 Shift), e.g. Ctrl+A: {@code press("a", "KeyA", 65, 2)}. */
  void press(String key, String code, int keyCode, int modifiers) throws Exception {
    for (String type : List.of("rawKeyDown", "keyUp")) {
      call("Input.dispatchKeyEvent", Json.createObjectBuilder().add("type", type).add("key", key).add("code", code)
          .add("windowsVirtualKeyCode", keyCode).add("nativeVirtualKeyCode", keyCode).add("modifiers", modifiers));
    }
  }

  byte[] screenshot() throws Exception {
    String data = call("Page.captureScreenshot", Json.createObjectBuilder().add("format", "png")).getString("data");
    return java.util.Base64.getDecoder().decode(data);
  }

  static String quote(String text) {
    return Json.createValue(text).toString();
  }

  @Override
  public void close() throws Exception {
    page.abort();
    // Chromium's helpers (network service, renderers) outlive its main process for a moment and
    // keep writing into the profile: end them all, and wait for each
    List<ProcessHandle> helpers = process.descendants().toList();
    process.destroy();
    helpers.forEach(ProcessHandle::destroy);
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    for (ProcessHandle helper : helpers) {
      try {
        helper.onExit().get(5, TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException stillThere) {
        helper.destroyForcibly();
      }
    }
    deleteProfile();
  }

  /** Removes the temporary profile; a file that vanished meanwhile is no failure of the test. */
  private void deleteProfile() {
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (java.io.IOException | java.io.UncheckedIOException vanished) {
      System.err.println("browser profile " + profile + " not wholly removed: " + vanished);
    }
  }
}
