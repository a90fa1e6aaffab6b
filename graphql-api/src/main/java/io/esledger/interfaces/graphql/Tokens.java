package io.esledger.interfaces.graphql;

import io.esledger.analytics.consistency.ConsistencyToken;
import io.esledger.interfaces.graphql.errors.ValidationFailedException;
import java.util.List;

/** Checks {@code consistentWith} arguments before anything waits on them. */
final class Tokens {

  static final int MAX_TOKENS = 100;

  private Tokens() {}

  static List<String> valid(List<String> tokens) throws ValidationFailedException {
    if (tokens == null) {
      return List.of();
    }
    if (tokens.size() > MAX_TOKENS) {
      throw new ValidationFailedException("consistentWith", "at most " + MAX_TOKENS + " tokens");
    }
    for (String token : tokens) {
      // the signature is checked where the tokens are used (ReadConsistency), before anything waits
      if (token == null || token.isBlank() || token.length() > ConsistencyToken.MAX_LENGTH) {
        throw new ValidationFailedException("consistentWith", "not a consistency token from a receipt");
      }
    }
    return tokens;
  }
}
