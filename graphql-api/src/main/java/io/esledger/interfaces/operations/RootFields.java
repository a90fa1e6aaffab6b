package io.esledger.interfaces.operations;

import io.esledger.interfaces.graphql.EventLogApi;
import io.esledger.interfaces.graphql.EventQueriesApi;
import io.esledger.interfaces.graphql.PaymentCommandsApi;
import io.esledger.interfaces.graphql.PaymentQueriesApi;
import io.esledger.interfaces.graphql.ReadModelApi;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Query;

/**
 * The operation a GraphQL request runs, as a metric tag: the first root field of its document
 * (after an alias, if any), if the schema has such a root field, else {@code other}. A scan, not a
 * parse (GraphQL parses the document anyway); the tag's values are bounded by the schema, never by
 * what clients send.
 */
public final class RootFields {

  public static final String OTHER = "other";
  private static final Set<String> KNOWN = known(PaymentCommandsApi.class, PaymentQueriesApi.class,
      EventQueriesApi.class, EventLogApi.class, ReadModelApi.class);

  private RootFields() {}

  public static String of(String document) {
    if (document == null) {
      return OTHER;
    }
    int i = openingBrace(document);
    if (i < 0) {
      return OTHER;
    }
    int start = skipIgnored(document, i + 1);
    int end = nameEnd(document, start);
    int after = skipIgnored(document, end);
    if (after < document.length() && document.charAt(after) == ':') { // "alias: field"
      start = skipIgnored(document, after + 1);
      end = nameEnd(document, start);
    }
    String field = document.substring(start, end);
    return KNOWN.contains(field) ? field : OTHER;
  }

  /** The first "{" outside parentheses (variable defaults may hold objects), strings and comments. */
  private static int openingBrace(String document) {
    int depth = 0;
    for (int i = 0; i < document.length(); i++) {
      char c = document.charAt(i);
      if (c == '#') {
        int end = document.indexOf('\n', i);
        if (end < 0) {
          return -1;
        }
        i = end;
      } else if (c == '"') {
        int end = i + 1;
        while (end < document.length() && document.charAt(end) != '"') {
          end += document.charAt(end) == '\\' ? 2 : 1;
        }
        i = end;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == '{' && depth <= 0) {
        return i;
      }
    }
    return -1;
  }

  /** Where the name starting at {@code start} ends ({@code start} itself when there is none). */
  private static int nameEnd(String document, int start) {
    int end = start;
    while (end < document.length() && (Character.isLetterOrDigit(document.charAt(end)) || document.charAt(end) == '_')) {
      end++;
    }
    return end;
  }

  private static int skipIgnored(String document, int from) {
    int i = from;
    while (i < document.length()) {
      char c = document.charAt(i);
      if (c == '#') {
        int end = document.indexOf('\n', i);
        i = end < 0 ? document.length() : end + 1;
      } else if (Character.isWhitespace(c) || c == ',') {
        i++;
      } else {
        break;
      }
    }
    return i;
  }

  private static Set<String> known(Class<?>... apis) {
    Set<String> names = new HashSet<>();
    for (Class<?> api : apis) {
      for (Method m : api.getDeclaredMethods()) {
        Query query = m.getAnnotation(Query.class);
        Mutation mutation = m.getAnnotation(Mutation.class);
        org.eclipse.microprofile.graphql.Name named = m.getAnnotation(org.eclipse.microprofile.graphql.Name.class);
        String value = query != null ? query.value() : mutation != null ? mutation.value() : null;
        boolean subscription = m.isAnnotationPresent(io.smallrye.graphql.api.Subscription.class);
        if (value == null && !subscription) {
          continue;
        }
        if (value == null || value.isEmpty()) {
          value = named != null ? named.value() : fieldName(m.getName());
        }
        names.add(value);
      }
    }
    return Set.copyOf(names);
  }

  /** SmallRye's default: a getter's property name, else the method's name. */
  private static String fieldName(String method) {
    for (String prefix : new String[] {"get", "is"}) {
      if (method.startsWith(prefix) && method.length() > prefix.length()
          && Character.isUpperCase(method.charAt(prefix.length()))) {
        String rest = method.substring(prefix.length());
        return Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
      }
    }
    return method;
  }
}
