package dev.imbot.adapter.console;

import dev.imbot.application.port.in.portal.AdministrationException;
import dev.imbot.domain.rejection.RejectedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.util.Comparator;
import java.util.stream.Collectors;

/** Console adapter: a use case's refusal as a sentence for the page, never a stack trace. */
final class ErrorsInWords {
  private ErrorsInWords() {}

  /** The sentence, or empty for a failure that is not a refusal (a bug or an outage). */
  static java.util.Optional<String> of(RuntimeException failure) {
    if (failure instanceof AdministrationException refused) {
      return java.util.Optional.of(refused.getMessage());
    }
    if (failure instanceof RejectedException rejected) {
      return java.util.Optional.of(rejected.rejection().error().description());
    }
    if (failure instanceof ConstraintViolationException invalid) {
      return java.util.Optional.of(
          invalid.getConstraintViolations().stream()
              .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
              .map(ErrorsInWords::sentence)
              .collect(Collectors.joining("; ")));
    }
    if (failure instanceof IllegalArgumentException invalid && invalid.getMessage() != null) {
      return java.util.Optional.of(invalid.getMessage());
    }
    return java.util.Optional.empty();
  }

  private static String sentence(ConstraintViolation<?> violation) {
    String path = violation.getPropertyPath().toString();
    return (path.isEmpty() ? "" : path + " ") + violation.getMessage();
  }
}
