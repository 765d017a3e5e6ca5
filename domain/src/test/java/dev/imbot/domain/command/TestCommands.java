package dev.imbot.domain.command;

import dev.imbot.domain.chat.MemberBot;
import java.util.List;

/** Slash commands for the command context's tests. */
public final class TestCommands {
  private TestCommands() {}

  /** A command of {@code bot} named {@code name}, with id {@code id}. */
  public static RegisteredCommand command(long id, MemberBot bot, String name, boolean common) {
    return new RegisteredCommand(
        new SlashCommand(
            CommandId.of(id),
            bot.id(),
            bot.application(),
            CommandName.of(name),
            common,
            false,
            false,
            List.of(new CommandTranslation("en", name, ""))),
        bot);
  }
}
