package io.esledger.interfaces.graphql.errors;

/** The projection runs on another app instance (it holds the projection's lease); ask that one. */
public class ProjectionElsewhereException extends ApiException {

  public static final String CODE = "PROJECTION_ELSEWHERE";

  public ProjectionElsewhereException(String message) {
    super(message);
  }

  @Override
  public String code() {
    return CODE;
  }
}
