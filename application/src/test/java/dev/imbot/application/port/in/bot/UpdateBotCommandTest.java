package dev.imbot.application.port.in.bot;

import static dev.imbot.application.port.in.bot.RegisterBotCommandTest.paths;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.event.BotEvent;
import dev.imbot.domain.portal.ApplicationKey;
import jakarta.validation.ConstraintViolationException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UpdateBotCommandTest {
  private static final ApplicationKey APP = ApplicationKey.of("app.alpha");
  private static final BotId BOT = BotId.of(39);
  private static final String URL = "https://bot.example.com/add";

  private static UpdateBotCommand command(
      ApplicationKey application,
      BotId bot,
      Map<BotEvent, String> handlers,
      Map<String, String> properties) {
    return new UpdateBotCommand(application, bot, null, null, handlers, properties);
  }

  private static Map<BotEvent, String> handlers() {
    Map<BotEvent, String> handlers = new EnumMap<>(BotEvent.class);
    handlers.put(BotEvent.MESSAGE_ADD, URL);
    return handlers;
  }

  private static Map<String, String> properties() {
    Map<String, String> properties = new HashMap<>();
    properties.put("NAME", "NewBot");
    return properties;
  }

  @Test
  void givenNullApplication_construct_throwsViolationNamingApplication() {
    assertThatThrownBy(() -> command(null, BOT, handlers(), properties()))
        .isInstanceOf(ConstraintViolationException.class)
        .satisfies(thrown -> assertThat(paths(thrown)).contains("application"));
  }

  @Test
  void givenNullBotId_construct_throwsViolationNamingBotId() {
    assertThatThrownBy(() -> command(APP, null, handlers(), properties()))
        .isInstanceOf(ConstraintViolationException.class)
        .satisfies(thrown -> assertThat(paths(thrown)).contains("botId"));
  }

  @Test
  void givenNullHandlers_construct_throwsViolationNamingHandlers() {
    assertThatThrownBy(() -> command(APP, BOT, null, properties()))
        .isInstanceOf(ConstraintViolationException.class)
        .satisfies(thrown -> assertThat(paths(thrown)).contains("handlers"));
  }

  @Test
  void givenNullKeyInHandlers_construct_throwsViolationNamingHandlers() {
    Map<BotEvent, String> withNullKey = new HashMap<>(handlers());
    withNullKey.put(null, URL);

    assertThatThrownBy(() -> command(APP, BOT, withNullKey, properties()))
        .isInstanceOf(ConstraintViolationException.class)
        .satisfies(thrown -> assertThat(paths(thrown)).contains("handlers<K>[].<map key>"));
  }

  @Test
  void givenNullKeyInProperties_construct_throwsViolationNamingProperties() {
    Map<String, String> withNullKey = properties();
    withNullKey.put(null, "value");

    assertThatThrownBy(() -> command(APP, BOT, handlers(), withNullKey))
        .isInstanceOf(ConstraintViolationException.class)
        .satisfies(thrown -> assertThat(paths(thrown)).contains("properties<K>[].<map key>"));
  }

  @Test
  void givenNullProperties_construct_keepsNullMeaningNotSent() {
    assertThat(command(APP, BOT, handlers(), null).properties()).isNull();
  }

  @Test
  void givenNullHandlerValue_construct_dropsIt() {
    Map<BotEvent, String> handlers = handlers();
    handlers.put(BotEvent.BOT_DELETE, null);

    assertThat(command(APP, BOT, handlers, null).handlers()).containsOnlyKeys(BotEvent.MESSAGE_ADD);
  }

  @Test
  void givenNullPropertyValue_construct_keepsItAsBlankSinceItClearsTheField() {
    Map<String, String> properties = properties();
    properties.put("COLOR", null);

    UpdateBotCommand command = command(APP, BOT, handlers(), properties);

    assertThat(command.properties()).containsEntry("COLOR", "").containsEntry("NAME", "NewBot");
  }

  @Test
  void givenMutableMaps_construct_keepsUnmodifiableCopies() {
    Map<BotEvent, String> handlers = handlers();
    Map<String, String> properties = properties();
    UpdateBotCommand command = command(APP, BOT, handlers, properties);

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
