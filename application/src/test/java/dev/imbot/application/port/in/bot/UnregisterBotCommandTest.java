package dev.imbot.application.port.in.bot;

import static dev.imbot.application.port.in.bot.RegisterBotCommandTest.paths;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.portal.ApplicationKey;
import jakarta.validation.ConstraintViolationException;
import org.junit.jupiter.api.Test;

class UnregisterBotCommandTest {
  private static final ApplicationKey APP = ApplicationKey.of("app.alpha");

  @Test
  void givenNullApplication_construct_throwsViolationNamingApplication() {
    assertThatThrownBy(() -> new UnregisterBotCommand(null, BotId.of(39)))
        .isInstanceOf(ConstraintViolationException.class)
        .satisfies(thrown -> assertThat(paths(thrown)).contains("application"));
  }

  @Test
  void givenNullBotId_construct_throwsViolationNamingBotId() {
    assertThatThrownBy(() -> new UnregisterBotCommand(APP, null))
        .isInstanceOf(ConstraintViolationException.class)
        .satisfies(thrown -> assertThat(paths(thrown)).contains("botId"));
  }

  @Test
  void givenApplicationAndBotId_construct_keepsThem() {
    UnregisterBotCommand command = new UnregisterBotCommand(APP, BotId.of(39));

    assertThat(command.application()).isEqualTo(APP);
    assertThat(command.botId()).isEqualTo(BotId.of(39));
  }
}
