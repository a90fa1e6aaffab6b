package io.esledger.interfaces.operations;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * A request's id: the caller's {@code X-Request-Id} when it is a plain token (letters, digits,
 * {@code . _ : -}, at most 64; anything else could forge log lines), else a new random one. While
 * the request runs, the id is in Liberty's log record context, so every line the request logs
 * carries it: {@code ext_requestId} in JSON logs ({@code WLP_LOGGING_CONSOLE_FORMAT=JSON}).
 */
public final class RequestIds {

  public static final String HEADER = "X-Request-Id";
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
  private static final Logger LOG = Logger.getLogger(RequestIds.class.getName());
  private static final MethodHandle ADD;
  private static final MethodHandle REMOVE;

  static {
    MethodHandle add = null;
    MethodHandle remove = null;
    try {
      // Liberty's API (com.ibm.websphere.appserver.api.hpel); absent outside Liberty
      Class<?> context = Class.forName("com.ibm.websphere.logging.hpel.LogRecordContext");
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      add = lookup.findStatic(context, "addExtension", MethodType.methodType(void.class, String.class, String.class));
      remove = lookup.findStatic(context, "removeExtension", MethodType.methodType(boolean.class, String.class));
    } catch (ReflectiveOperationException | LinkageError e) {
      LOG.log(Level.FINE, "no log record context here: request ids are not added to log lines", e);
    }
    ADD = add;
    REMOVE = remove;
  }

  private RequestIds() {}

  /** The id to use for a request that sent {@code given} (may be null). */
  public static String accept(String given) {
    if (given != null && PLAIN.matcher(given).matches()) {
      return given;
    }
    return Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
  }

  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

  /** The id of the request this thread serves; null outside a request. */
  public static String current() {
    return CURRENT.get();
  }

  /** Puts the id on every log line this thread writes until {@link #leave}. */
  public static void enter(String id) {
    CURRENT.set(id);
    if (ADD != null) {
      try {
        ADD.invoke("requestId", id);
      } catch (Throwable e) {
        LOG.log(Level.FINE, "request id not added to the log context", e);
      }
    }
  }

  public static void leave() {
    CURRENT.remove();
    if (REMOVE != null) {
      try {
        REMOVE.invoke("requestId");
      } catch (Throwable e) {
        LOG.log(Level.FINE, "request id not removed from the log context", e);
      }
    }
  }
}
