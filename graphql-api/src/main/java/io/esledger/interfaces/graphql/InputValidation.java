package io.esledger.interfaces.graphql;

import io.esledger.interfaces.graphql.errors.ValidationFailedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.Set;

/** Bean Validation of GraphQL inputs, reported as VALIDATION_FAILED naming the first offending field. */
@ApplicationScoped
public class InputValidation {

  @Inject
  Validator validator;

  public <T> T valid(T input) throws ValidationFailedException {
    Set<ConstraintViolation<T>> violations = validator.validate(input);
    if (violations.isEmpty()) {
      return input;
    }
    ConstraintViolation<T> first = violations.stream()
        .min(Comparator.comparing(v -> v.getPropertyPath().toString()))
        .orElseThrow();
    throw new ValidationFailedException(first.getPropertyPath().toString(), first.getMessage());
  }

  /** Checks a bare id argument (queries take ids without an input type). */
  public static String id(String field, String value) throws ValidationFailedException {
    if (value == null || value.isBlank()) {
      throw new ValidationFailedException(field, "must not be blank");
    }
    if (value.length() > Limits.ID_LENGTH) {
      throw new ValidationFailedException(field, "must be at most " + Limits.ID_LENGTH + " characters");
    }
    return value;
  }
}
