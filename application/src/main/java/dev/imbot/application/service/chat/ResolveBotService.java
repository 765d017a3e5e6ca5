package dev.imbot.application.service.chat;

import dev.imbot.application.port.in.chat.ResolveBotUseCase;
import dev.imbot.application.port.out.bot.Bots;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.bot.BotRejection;
import dev.imbot.domain.bot.BotRejectionReason;
import dev.imbot.domain.chat.MemberBot;
import dev.imbot.domain.portal.ApplicationKey;

/** Service: the bot an {@code imbot.*} call acts as, with the first-bot fallback. */
public final class ResolveBotService implements ResolveBotUseCase {
  private final Bots bots;

  public ResolveBotService(Bots bots) {
    this.bots = bots;
  }

  @Override
  public MemberBot resolve(ApplicationKey application, String botId) {
    if (botId == null) {
      return bots.listAll().stream()
          .filter(summary -> summary.application().equals(application))
          .findFirst()
          .flatMap(summary -> bots.findById(summary.id()))
          .map(ChatDirectory::memberBot)
          .orElseThrow(() -> BotRejection.of(BotRejectionReason.BOT_NOT_FOUND).toException());
    }
    MemberBot bot =
        bots.findById(BotId.parse(botId))
            .map(ChatDirectory::memberBot)
            .orElseThrow(() -> BotRejection.of(BotRejectionReason.BOT_NOT_FOUND).toException());
    if (!bot.application().equals(application)) {
      throw BotRejection.of(BotRejectionReason.BOT_OF_ANOTHER_APPLICATION).toException();
    }
    return bot;
  }
}
