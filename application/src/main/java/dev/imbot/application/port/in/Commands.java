package dev.imbot.application.port.in;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.lang.reflect.RecordComponent;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Checks a command's shape with Bean Validation from its compact constructor, so embedders get the
 * same checks as the service without any framework.
 */
public final class Commands {
  /**
   * Built when the first command is validated, not when this class loads: Hibernate Validator is
   * some 550 classes, and {@link #copyOfSent} needs none of them.
   */
  private static final class Lazy {
    // ParameterMessageInterpolator needs no Expression Language implementation on the class path.
    static final Validator VALIDATOR =
        Validation.byProvider(HibernateValidator.class)
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()
            .getValidator();
  }

  // Class.getRecordComponents builds its answer reflectively on every call; commands are on the
  // hot path of every request, so the names are looked up once per type.
  private static final ClassValue<String[]> COMPONENT_NAMES =
      new ClassValue<>() {
        @Override
        protected String[] computeValue(Class<?> type) {
          RecordComponent[] components = type.getRecordComponents();
          String[] names = new String[components.length];
          for (int i = 0; i < components.length; i++) {
            names[i] = components[i].getName();
          }
          return names;
        }
      };

  private Commands() {}

  /**
   * Validates {@code arguments}, given in the order of {@code type}'s record components, against
   * the constraints of those components (a compact constructor cannot validate {@code this}: its
   * fields are not yet set). Throws {@link ConstraintViolationException} listing every broken
   * constraint.
   *
   * <p>Each value is checked against its component's field, not against the canonical constructor's
   * parameters: javac 17 writes type-argument annotations such as {@code Map<@NotNull K, V>} onto
   * the compact constructor with a field target, so Bean Validation never sees them there.
   */
  public static <T extends Record> void requireValid(Class<T> type, Object... arguments) {
    String[] components = COMPONENT_NAMES.get(type);
    if (components.length != arguments.length) {
      throw new IllegalArgumentException(
          type.getSimpleName() + " has " + components.length + " components");
    }
    Set<ConstraintViolation<T>> violations = new LinkedHashSet<>();
    for (int i = 0; i < components.length; i++) {
      violations.addAll(Lazy.VALIDATOR.validateValue(type, components[i], arguments[i]));
    }
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(
          type.getSimpleName() + " is malformed: " + violations, violations);
    }
  }

  /** An unmodifiable copy without the entries whose value is null (null means "not sent"). */
  public static <K, V> Map<K, V> copyOfSent(Map<K, V> values) {
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
