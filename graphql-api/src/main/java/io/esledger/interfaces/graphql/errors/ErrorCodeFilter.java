package io.esledger.interfaces.graphql.errors;

import io.esledger.interfaces.graphql.security.RequestGate;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gives every GraphQL error a stable {@code extensions.code}. Resolver errors already carry one
 * (see {@link ApiException}); errors raised before any resolver runs (syntax, unknown fields,
 * wrong argument types) get {@code GRAPHQL_PARSE_FAILED} or {@code VALIDATION_FAILED}, and any
 * code outside the documented set (an unexpected exception's class name) becomes {@code INTERNAL}, its
 * message a reference to the warning that logs what it was.
 * The {@code classification} extension, which names graphql-java types, is removed.
 */
@WebFilter(urlPatterns = "/graphql/*", asyncSupported = true)
public class ErrorCodeFilter extends HttpFilter {

  private static final Logger LOG = Logger.getLogger(ErrorCodeFilter.class.getName());

  public static final String PARSE_FAILED = "GRAPHQL_PARSE_FAILED";
  static final String QUERY_TOO_DEEP = "QUERY_TOO_DEEP";
  private static final Pattern BAD_ARGUMENT =
      Pattern.compile("^argument '([A-Za-z0-9_]+)' with value .* is not a valid '?([A-Za-z0-9_\\[\\]!]+)'?\\s*$",
          Pattern.DOTALL);
  static final String QUERY_TOO_COMPLEX = "QUERY_TOO_COMPLEX";
  private static final Pattern FIRST_CODE = Pattern.compile("\"code\":\"([A-Z_]+)\"");
  private static final Set<String> KNOWN = Set.of(ValidationFailedException.CODE, PaymentAlreadyProcessedException.CODE,
      ConcurrencyConflictException.CODE, NotFoundException.CODE, StoreUnavailableException.CODE,
      InternalException.CODE, ConsistencyTimeoutException.CODE, CommandIdReusedApiException.CODE,
      OutcomeUnknownApiException.CODE, ProjectionElsewhereException.CODE, PARSE_FAILED,
      UnauthenticatedException.CODE, ForbiddenException.CODE, RequestGate.UNSUPPORTED_MEDIA_TYPE, RequestGate.REQUEST_TOO_LARGE,
      QUERY_TOO_DEEP, QUERY_TOO_COMPLEX, RuleException.INVALID_TRANSITION,
      RuleException.AMOUNT_EXCEEDS_AUTHORIZED, RuleException.AMOUNT_EXCEEDS_CAPTURED,
      RuleException.INVOICE_ALREADY_ISSUED, RuleException.CURRENCY_MISMATCH, TimeBudgetExceededException.CODE,
      ReadModelRebuildingException.CODE, TooManySubscriptionsException.CODE);

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    BufferedResponse buffered = new BufferedResponse(response);
    try {
      chain.doFilter(request, buffered);
    } catch (IOException | ServletException | RuntimeException e) {
      // never the server's HTML error page with a stack trace: a GraphQL error like any other
      request.setAttribute(RequestGate.OUTCOME, causes(e, JsonException.class) ? PARSE_FAILED : InternalException.CODE);
      refuse(response, e);
      return;
    }
    byte[] body = buffered.body();
    String text = new String(body, StandardCharsets.UTF_8);
    if (text.contains("\"errors\"") && isJson(buffered.getContentType())) {
      String coded = withCodes(text);
      Matcher first = FIRST_CODE.matcher(coded);
      if (first.find()) {
        request.setAttribute(RequestGate.OUTCOME, first.group(1)); // the request's outcome in metrics
      }
      body = coded.getBytes(StandardCharsets.UTF_8);
    }
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  private static void refuse(HttpServletResponse response, Exception failure) throws IOException {
    boolean unreadable = causes(failure, JsonException.class);
    if (!unreadable) {
      LOG.log(Level.SEVERE, "GraphQL request failed outside any resolver", failure);
    }
    String code = unreadable ? PARSE_FAILED : InternalException.CODE;
    String message = unreadable ? "the request body is not valid JSON" : "internal error";
    write(response, unreadable ? HttpServletResponse.SC_BAD_REQUEST : HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
        code, message);
  }

  private static void write(HttpServletResponse response, int status, String code, String message)
      throws IOException {
    JsonObject error = Json.createObjectBuilder()
        .add("message", message)
        .add("extensions", Json.createObjectBuilder().add("code", code))
        .build();
    byte[] body = Json.createObjectBuilder().add("errors", Json.createArrayBuilder().add(error)).build().toString()
        .getBytes(StandardCharsets.UTF_8);
    response.reset();
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  private static boolean causes(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isJson(String contentType) {
    return contentType != null && contentType.contains("json");
  }

  static String withCodes(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      JsonStructure parsed = reader.read();
      if (parsed instanceof JsonArray batch) {
        JsonArrayBuilder out = Json.createArrayBuilder();
        batch.forEach(v -> out.add(v instanceof JsonObject o ? withCodes(o) : v));
        return out.build().toString();
      }
      return withCodes((JsonObject) parsed).toString();
    }
  }

  /** The result with every error coded (see the class comment); also used for WebSocket messages. */
  static JsonObject withCodes(JsonObject result) {
    JsonValue errors = result.get("errors");
    if (!(errors instanceof JsonArray list)) {
      return result;
    }
    List<JsonObject> coded = new ArrayList<>();
    list.forEach(e -> coded.add(e instanceof JsonObject error ? withCode(error) : withCode(Json.createObjectBuilder()
        .add("message", String.valueOf(e)).build())));
    // a refused argument leaves its field null, and graphql-java then adds "declared as a non null type ...
    // wrongly returned a null value": a consequence of the refusal, not a second error
    boolean refused = coded.stream().anyMatch(e -> !isNullConsequence(e) && !InternalException.CODE.equals(code(e)));
    JsonArrayBuilder kept = Json.createArrayBuilder();
    coded.stream().filter(e -> !(refused && isNullConsequence(e))).forEach(kept::add);
    return Json.createObjectBuilder(result).add("errors", kept).build();
  }

  private static boolean isNullConsequence(JsonObject error) {
    return error.getString("message", "").contains("wrongly returned a null value");
  }

  private static String code(JsonObject error) {
    JsonObject extensions = error.getJsonObject("extensions");
    return extensions == null ? null : extensions.getString("code", null);
  }

  private static JsonObject withCode(JsonObject error) {
    JsonObject extensions = error.getJsonObject("extensions");
    JsonObjectBuilder ext = extensions == null ? Json.createObjectBuilder() : Json.createObjectBuilder(extensions);
    String code = extensions == null ? null : extensions.getString("code", null);
    JsonObjectBuilder out = Json.createObjectBuilder(error);
    if (isNumberOutOfRange(error.getString("message", ""))) {
      // SmallRye's conversion of a number argument that graphql-java let through (an Int of 1E+400): the
      // client's value is wrong, said without echoing it
      ext.add("code", ValidationFailedException.CODE);
      out.add("message", "a number argument is out of range for its type");
      ext.remove("classification");
      ext.remove("exception");
      return out.add("extensions", ext).build();
    }
    if (code == null) {
      ext.add("code", fallbackCode(error, extensions));
    } else if (!KNOWN.contains(code)) {
      // a failure no resolver translated (SmallRye puts the exception's class name here): the client gets a
      // fixed text with a reference, the server log what happened
      String reference = UUID.randomUUID().toString().substring(0, 8);
      LOG.warning(() -> "GraphQL error outside the documented codes, answered INTERNAL (reference " + reference
          + "): code " + oneLine(code) + ", path " + oneLine(String.valueOf(error.get("path"))) + ", message "
          + oneLine(error.getString("message", "")));
      ext.add("code", InternalException.CODE);
      out.add("message", "internal error (reference " + reference + ")");
    }
    // graphql-java's classification names its Java types (e.g. DataFetchingException): the code says it all
    ext.remove("classification");
    Matcher argument = BAD_ARGUMENT.matcher(error.getString("message", ""));
    if (argument.find()) {
      // "argument 'to' with value 'StringValue{value='<whatever the client sent>'}' is not a valid 'DateTime'":
      // name the argument, and do not echo the value back
      ext.add("field", argument.group(1));
      out.add("message", "argument '" + argument.group(1) + "' is not a valid " + argument.group(2));
    }
    return out.add("extensions", ext).build();
  }

  /** Text from a request or an exception, made safe for one log line: no control characters, at most 300. */
  static String oneLine(String text) {
    String flat = text.replaceAll("\\p{Cntrl}", "?");
    return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
  }

  /** SmallRye's "SRGQL000021: Can not parse a integer from [...]" and its kin. */
  static boolean isNumberOutOfRange(String message) {
    return message.startsWith("SRGQL0000") && message.contains("Can not parse a");
  }

  private static String fallbackCode(JsonObject error, JsonObject extensions) {
    String message = error.getString("message", "");
    if (message.startsWith("Unparseable input document")) {
      return PARSE_FAILED; // the request body itself was not a GraphQL request
    }
    if (message.startsWith("maximum query depth exceeded")) {
      return QUERY_TOO_DEEP;
    }
    if (message.startsWith("maximum query complexity exceeded") || message.contains("introspection in good faith")
        || message.contains("more than") && message.contains("tokens")) {
      return QUERY_TOO_COMPLEX; // the field budget (aliases count), or graphql-java's own parser and introspection limits
    }
    String classification = extensions == null ? "" : extensions.getString("classification", "");
    if (classification.contains("InvalidSyntax")) {
      return PARSE_FAILED;
    }
    if (classification.contains("Validation") || classification.contains("Coercing")) {
      return ValidationFailedException.CODE;
    }
    return InternalException.CODE;
  }

  /** Holds the response body so the errors can be completed before it leaves. */
  private static final class BufferedResponse extends HttpServletResponseWrapper {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private PrintWriter writer;
    private ServletOutputStream stream;

    BufferedResponse(HttpServletResponse response) {
      super(response);
    }

    @Override
    public ServletOutputStream getOutputStream() {
      if (stream == null) {
        stream = new ServletOutputStream() {
          @Override
          public boolean isReady() {
            return true;
          }

          @Override
          public void setWriteListener(WriteListener listener) {
            throw new UnsupportedOperationException("buffered response");
          }

          @Override
          public void write(int b) {
            bytes.write(b);
          }

          @Override
          public void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
          }
        };
      }
      return stream;
    }

    @Override
    public PrintWriter getWriter() {
      if (writer == null) {
        writer = new PrintWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8));
      }
      return writer;
    }

    @Override
    public void setContentLength(int len) {
      // the body may change length; set when it is written
    }

    @Override
    public void setContentLengthLong(long len) {
      // as above
    }

    @Override
    public void flushBuffer() {
      if (writer != null) {
        writer.flush();
      }
    }

    byte[] body() {
      if (writer != null) {
        writer.flush();
      }
      return bytes.toByteArray();
    }
  }
}
