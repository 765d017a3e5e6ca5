package dev.imbot.application.port.in.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imbot.domain.event.BotEvent;
import dev.imbot.domain.portal.ApplicationKey;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegisterBotCommandTest {
  private static final ApplicationKey APP = ApplicationKey.of("app.alpha");
  private static final String URL = "https://bot.example.com/add";

  private static RegisterBotCommand command(
      ApplicationKey application, Map<BotEvent, String> handlers, Map<String, String> properties) {
    return new RegisterBotCommand(application, "newbot", "B", "N", null, handlers, properties);
  }

  private static Map<BotEvent, String> handlers() {
    Map<BotEvent, String> handlers = new EnumMap<>(BotEvent.class);
    handlers.put(BotEvent.MESSAGE_ADD, URL);
    return handlers;
  }

  private static Map<String, String> properties() {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("NAME", "NewBot");
    return properties;
  }

  /**
   * The property paths of the violations, e.g. {@code application} or {@code handlers<K>[].<map
   * key>}.
   */
  static String paths(Throwable thrown) {
    return ((ConstraintViolationException) thrown)
        .getConstraintViolations().stream()
            .map(ConstraintViolation::getPropertyPath)
            .map(Object::toString)
            .sorted()
            .toList()
            .toString();
  }

  @Test
  void givenNullApplication_construct_throwsViolationNamingApplication() {
    assertThatThrownBy(() -> command(null, handlers(), properties()))
        .isInstanceOf(ConstraintViolationException.class)
        .satisfies(thrown -> assertThat(paths(thrown)).contains("application"))
        .hasMessageContaining("application");
  }

  @Test
  void givenNullHandlers_construct_throwsViolationNamingHandlers() {
    assertThatThrownBy(() -> command(APP, null, properties()))
        .isInstanceOf(ConstraintViolationException.class)
        .satisfies(thrown -> assertThat(paths(thrown)).contains("handlers"));
  }

  @Test
  void givenNullKeyInHandlers_construct_throwsViolationNamingHandlers() {
    Map<BotEvent, String> withNullKey = new HashMap<>(handlers());
    withNullKey.put(null, URL);

    assertThatThrownBy(() -> command(APP, withNullKey, properties()))
        .isInstanceOf(ConstraintViolationException.class)
        .satisfies(thrown -> assertThat(paths(thrown)).contains("handlers<K>[].<map key>"));
  }

  @Test
  void givenNullKeyInProperties_construct_throwsViolationNamingProperties() {
    Map<String, String> withNullKey = new HashMap<>(properties());
    withNullKey.put(null, "value");

    assertThatThrownBy(() -> command(APP, handlers(), withNullKey))
        .isInstanceOf(ConstraintViolationException.class)
        .satisfies(thrown -> assertThat(paths(thrown)).contains("properties<K>[].<map key>"));
  }

  @Test
  void givenNullApplicationAndHandlers_construct_namesBothInOneException() {
    assertThatThrownBy(() -> command(null, null, null))
        .isInstanceOf(ConstraintViolationException.class)
        .satisfies(
            thrown -> {
              assertThat(((ConstraintViolationException) thrown).getConstraintViolations())
                  .hasSize(2);
              assertThat(paths(thrown)).contains("application").contains("handlers");
            });
  }

  @Test
  void givenNullProperties_construct_keepsNullMeaningNotSent() {
    RegisterBotCommand command = command(APP, handlers(), null);

    assertThat(command.properties()).isNull();
  }

  @Test
  void givenOnlyApplicationAndHandlers_construct_acceptsEveryOtherValueAbsent() {
    RegisterBotCommand command =
        new RegisterBotCommand(APP, null, null, null, null, Map.of(), null);

    assertThat(command.code()).isNull();
    assertThat(command.handlers()).isEmpty();
  }

  @Test
  void givenNullHandlerValue_construct_dropsIt() {
    Map<BotEvent, String> handlers = handlers();
    handlers.put(BotEvent.BOT_DELETE, null);

    RegisterBotCommand command = command(APP, handlers, properties());

    assertThat(command.handlers()).containsOnlyKeys(BotEvent.MESSAGE_ADD);
  }

  @Test
  void givenNullPropertyValue_construct_dropsIt() {
    Map<String, String> properties = properties();
    properties.put("COLOR", null);

    RegisterBotCommand command = command(APP, handlers(), properties);

    assertThat(command.properties()).containsOnlyKeys("NAME");
  }

  @Test
  void givenMutableMaps_construct_keepsUnmodifiableCopies() {
    Map<BotEvent, String> handlers = handlers();
    Map<String, String> properties = properties();
    RegisterBotCommand command = command(APP, handlers, properties);

    handlers.put(BotEvent.BOT_DELETE, URL);
    properties.put("COLOR", "RED");

    assertThat(command.handlers()).containsOnlyKeys(BotEvent.MESSAGE_ADD);
    assertThat(command.properties()).containsOnlyKeys("NAME");
    assertThatThrownBy(() -> command.handlers().put(BotEvent.BOT_DELETE, URL))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> command.properties().put("COLOR", "RED"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
