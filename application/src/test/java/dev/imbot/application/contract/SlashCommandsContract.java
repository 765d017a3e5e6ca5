package dev.imbot.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imbot.application.port.out.WriteConflictException;
import dev.imbot.application.port.out.command.SlashCommands;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.command.CommandId;
import dev.imbot.domain.command.CommandName;
import dev.imbot.domain.command.CommandTranslation;
import dev.imbot.domain.command.SlashCommand;
import dev.imbot.domain.portal.ApplicationKey;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract of the outgoing port {@link SlashCommands}, run against every adapter. */
public abstract class SlashCommandsContract extends PortalContract {
  private BotId echo;
  private BotId other;
  private BotId theirs;

  @BeforeEach
  void bots() {
    echo = registerMinimal(APP, "echo");
    other = registerMinimal(APP, "other");
    theirs = registerMinimal(OTHER_APP, "theirs");
  }

  private SlashCommands commands() {
    return portal.commands();
  }

  private SlashCommand stored(
      BotId bot, ApplicationKey application, String name, List<CommandTranslation> titles) {
    return inUnitOfWork(
        () -> {
          SlashCommand command =
              new SlashCommand(
                  commands().nextId(),
                  bot,
                  application,
                  CommandName.of(name),
                  false,
                  true,
                  false,
                  titles);
          commands().save(command);
          return command;
        });
  }

  private SlashCommand stored(BotId bot, ApplicationKey application, String name) {
    return stored(bot, application, name, List.of(new CommandTranslation("en", name, "")));
  }

  @Test
  void givenSavedCommand_find_readsItBackWithItsTitlesInOrder() {
    List<CommandTranslation> titles =
        List.of(
            new CommandTranslation("ru", "Эхо", "текст"),
            new CommandTranslation("en", "Echo", "text"),
            new CommandTranslation("de", "Echo", ""));
    SlashCommand command = stored(echo, APP, "echo", titles);

    assertThat(commands().find(command.id())).contains(command);
    assertThat(commands().find(CommandId.of(command.id().value() + 1000))).isEmpty();
  }

  @Test
  void givenCommandWithoutTitles_find_readsItBack() {
    SlashCommand command = stored(echo, APP, "quiet", List.of());
    assertThat(commands().find(command.id()).orElseThrow().translations()).isEmpty();
  }

  @Test
  void givenTwoIds_nextId_increases() {
    CommandId first = inUnitOfWork(() -> commands().nextId());
    CommandId second = inUnitOfWork(() -> commands().nextId());
    assertThat(second.value()).isGreaterThan(first.value());
  }

  @Test
  void givenCommandsOfSeveralBots_lookups_findTheRightOnes() {
    SlashCommand echoOfEcho = stored(echo, APP, "echo");
    SlashCommand echoOfOther = stored(other, APP, "echo");
    SlashCommand echoOfTheirs = stored(theirs, OTHER_APP, "echo");
    stored(echo, APP, "help");

    assertThat(commands().findOfBot(other, CommandName.of("echo"))).contains(echoOfOther);
    assertThat(commands().findOfBot(other, CommandName.of("help"))).isEmpty();
    assertThat(commands().findOfApplication(APP, CommandName.of("echo"))).contains(echoOfEcho);
    assertThat(commands().findOfApplication(OTHER_APP, CommandName.of("echo")))
        .contains(echoOfTheirs);
    assertThat(commands().named(CommandName.of("echo")))
        .containsExactly(echoOfEcho, echoOfOther, echoOfTheirs);
    assertThat(commands().named(CommandName.of("Echo"))).isEmpty();
  }

  @Test
  void givenChangedCommand_save_replacesItAndItsTitles() {
    SlashCommand command = stored(echo, APP, "echo");
    SlashCommand changed =
        new SlashCommand(
            command.id(),
            echo,
            APP,
            CommandName.of("say"),
            true,
            false,
            true,
            List.of(new CommandTranslation("de", "Sag", "")));

    inUnitOfWork(() -> commands().save(changed));

    assertThat(commands().find(command.id())).contains(changed);
    assertThat(commands().findOfBot(echo, CommandName.of("echo"))).isEmpty();
  }

  @Test
  void givenBotHasTheName_saveAnotherCommandOfIt_isAWriteConflict() {
    stored(echo, APP, "echo");

    assertThatThrownBy(() -> stored(echo, APP, "echo")).isInstanceOf(WriteConflictException.class);
    assertThat(commands().named(CommandName.of("echo"))).hasSize(1);
  }

  @Test
  void givenCommand_delete_removesIt() {
    SlashCommand command = stored(echo, APP, "echo");
    SlashCommand kept = stored(echo, APP, "help");

    inUnitOfWork(() -> commands().delete(command.id()));
    inUnitOfWork(() -> commands().delete(command.id()));

    assertThat(commands().find(command.id())).isEmpty();
    assertThat(commands().find(kept.id())).contains(kept);
  }

  @Test
  void givenBotDeleted_itsCommands_areGoneWithIt() {
    SlashCommand gone = stored(echo, APP, "echo");
    SlashCommand kept = stored(other, APP, "echo");

    inUnitOfWork(() -> portal.bots().delete(echo));

    assertThat(commands().find(gone.id())).isEmpty();
    assertThat(commands().findOfBot(echo, CommandName.of("echo"))).isEmpty();
    assertThat(commands().named(CommandName.of("echo"))).containsExactly(kept);
  }
}
