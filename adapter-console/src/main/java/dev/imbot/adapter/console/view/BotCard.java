package dev.imbot.adapter.console.view;

import dev.imbot.domain.bot.Bot;
import dev.imbot.domain.bot.BotProfile;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * View model: a bot as its card shows it: avatar or initials on its colour, full name, code, type
 * in words, Open Lines, owning application, when it was registered (UTC).
 */
public record BotCard(
    long id,
    String fullName,
    String code,
    String initials,
    String colorHex,
    String colorName,
    boolean hasAvatar,
    String typeLetter,
    String typeWord,
    String typeExplanation,
    boolean openLines,
    String application,
    String registeredAt) {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  public static BotCard of(Bot bot) {
    BotProfile profile = bot.profile();
    String fullName = profile.fullName();
    return new BotCard(
        bot.id().value(),
        fullName,
        bot.code().value(),
        Initials.of(fullName),
        BotColors.hex(profile.color()),
        BotColors.name(profile.color()),
        profile.avatar() != null,
        bot.type().letter(),
        BotTypes.word(bot.type()),
        BotTypes.explanation(bot.type()),
        bot.openLines(),
        bot.application().value(),
        WHEN.format(bot.registeredAt()));
  }

  /** The CSS class painting the initials in the bot's colour ("color-light-blue"). */
  public String colorClass() {
    return "color-" + colorName.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
  }

  /** The path of the bot's own page. */
  public String href() {
    return "/console/bots/" + id;
  }

  /** The path of its avatar image. */
  public String avatarHref() {
    return href() + "/avatar";
  }
}
