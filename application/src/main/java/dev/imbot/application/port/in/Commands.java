package dev.imbot.application.port.in;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.executable.ExecutableValidator;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Checks a command's shape with Bean Validation from its compact constructor, so embedders get the
 * same checks as the service without any framework.
 */
final class Commands {
  // ParameterMessageInterpolator needs no Expression Language implementation on the class path.
  private static final ExecutableValidator VALIDATOR =
      Validation.byProvider(HibernateValidator.class)
          .configure()
          .messageInterpolator(new ParameterMessageInterpolator())
          .buildValidatorFactory()
          .getValidator()
          .forExecutables();

  private Commands() {}

  /**
   * Validates the arguments of {@code type}'s canonical constructor against the constraints of its
   * record components (a compact constructor cannot validate {@code this}: its fields are not yet
   * set). Throws {@link ConstraintViolationException} listing every broken constraint.
   */
  static <T extends Record> void requireValid(Class<T> type, Object... arguments) {
    Set<ConstraintViolation<T>> violations =
        VALIDATOR.validateConstructorParameters(canonical(type), arguments);
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(
          type.getSimpleName() + " is malformed: " + violations, violations);
    }
  }

  private static <T extends Record> Constructor<T> canonical(Class<T> type) {
    Class<?>[] components =
        Arrays.stream(type.getRecordComponents())
            .map(RecordComponent::getType)
            .toArray(Class<?>[]::new);
    try {
      return type.getDeclaredConstructor(components);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("a record always has a canonical constructor", e);
    }
  }

  /** An unmodifiable copy without the entries whose value is null (null means "not sent"). */
  static <K, V> Map<K, V> copyOfSent(Map<K, V> values) {
    Map<K, V> copy = new LinkedHashMap<>();
    values.forEach(
        (key, value) -> {
          if (value != null) {
            copy.put(key, value);
          }
        });
    return Collections.unmodifiableMap(copy);
  }
}
