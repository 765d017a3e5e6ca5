package dev.imbot.application.contract;

import dev.imbot.application.port.out.bot.Bots;
import dev.imbot.domain.bot.Avatar;
import dev.imbot.domain.bot.Bot;
import dev.imbot.domain.bot.BotCode;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.bot.BotProfile;
import dev.imbot.domain.bot.BotType;
import dev.imbot.domain.bot.Color;
import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.portal.Email;
import dev.imbot.domain.portal.Gender;
import java.time.Instant;
import java.time.LocalDate;

/** Test data: bots built directly, for the port contracts that store them without a use case. */
public final class StoredBots {
  /** A registration time without sub-second digits, so every database keeps it exactly. */
  public static final Instant REGISTERED_AT = Instant.parse("2026-03-11T10:15:30Z");

  private StoredBots() {}

  /** A profile with every field set, including a real PNG avatar. */
  public static BotProfile fullProfile(String email) {
    return new BotProfile(
        "NewBot",
        "Ботов",
        Color.GREEN,
        Email.of(email),
        LocalDate.of(2016, 3, 11),
        "Лучший сотрудник",
        "http://test.ru",
        Gender.FEMALE,
        Avatar.fromBase64(TestCommands.SEED_PHOTO));
  }

  /** A supervisor bot with Open Lines on and a {@link #fullProfile}. */
  public static Bot fullBot(BotId id, ApplicationKey application, String code, String email) {
    return Bot.reconstitute(
        id,
        application,
        BotCode.of(code),
        BotType.SUPERVISOR,
        true,
        fullProfile(email),
        REGISTERED_AT);
  }

  /** An ordinary bot whose profile has only a name. */
  public static Bot plainBot(BotId id, ApplicationKey application, String code) {
    return Bot.reconstitute(
        id,
        application,
        BotCode.of(code),
        BotType.BOT,
        false,
        BotProfile.named("Bot " + code),
        REGISTERED_AT);
  }

  /**
   * Saves {@code bot} the way the use cases do: with its application locked first in the current
   * unit of work, as {@link Bots#save} requires of a new bot.
   */
  public static void lockAndSave(Bots bots, Bot bot) {
    bots.lockApplication(bot.application());
    bots.save(bot);
  }
}
