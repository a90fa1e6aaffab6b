package io.esledger.interfaces.graphql.errors;

/**
 * The read model cannot answer until a rebuild has replaced its index (one made by an earlier
 * version with another row layout); retry in a moment.
 */
public class ReadModelRebuildingException extends ApiException {

  public static final String CODE = "READ_MODEL_REBUILDING";

  public ReadModelRebuildingException(String message) {
    super(message);
  }

  @Override
  public String code() {
    return CODE;
  }
}
