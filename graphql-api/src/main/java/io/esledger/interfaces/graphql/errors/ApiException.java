package io.esledger.interfaces.graphql.errors;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.language.SourceLocation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An error the client is meant to read. Checked, so MicroProfile GraphQL shows its message; as a
 * {@link GraphQLError} it hands its stable {@code extensions.code} (and any details) to the response.
 */
public abstract class ApiException extends Exception implements GraphQLError {

  protected ApiException(String message) {
    super(message);
  }

  public abstract String code();

  /** Details beyond the code, e.g. the offending field. */
  protected Map<String, Object> details() {
    return Map.of();
  }

  @Override
  public Map<String, Object> getExtensions() {
    Map<String, Object> extensions = new LinkedHashMap<>(details());
    extensions.put("code", code());
    return extensions;
  }

  @Override
  public List<SourceLocation> getLocations() {
    return null;
  }

  @Override
  public ErrorClassification getErrorType() {
    return ErrorType.DataFetchingException;
  }
}
