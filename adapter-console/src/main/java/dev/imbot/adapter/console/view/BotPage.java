package dev.imbot.adapter.console.view;

import dev.imbot.application.port.in.bot.ShowBotUseCase.BotDetails;
import dev.imbot.domain.bot.BotProfile;
import dev.imbot.domain.event.BotEvent;
import dev.imbot.domain.event.HandlerUrl;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** View model: a bot's own page: its card, its profile field by field, its handlers. */
public record BotPage(Layout layout, BotCard card, List<Line> profile, List<Line> handlers) {

  /** A labelled value. */
  public record Line(String label, String value) {}

  public static BotPage of(Layout layout, BotDetails details) {
    BotProfile p = details.bot().profile();
    List<Line> profile = new ArrayList<>();
    add(profile, "Name", p.name());
    add(profile, "Last name", p.lastName());
    add(profile, "Colour", BotColors.name(p.color()));
    add(profile, "E-mail", p.email() == null ? null : p.email().value());
    add(profile, "Birthday", p.birthday() == null ? null : p.birthday().toString());
    add(profile, "Position", p.workPosition());
    add(profile, "Web site", p.personalWww());
    add(profile, "Gender", p.gender() == null ? null : p.gender().name().toLowerCase());
    add(
        profile,
        "Avatar",
        p.avatar() == null
            ? "none (initials shown)"
            : p.avatar().format() + ", " + p.avatar().width() + "\u00d7" + p.avatar().height());
    List<Line> handlers = new ArrayList<>();
    for (Map.Entry<BotEvent, HandlerUrl> entry : details.handlers().asMap().entrySet()) {
      handlers.add(new Line(entry.getKey().eventName(), entry.getValue().value()));
    }
    return new BotPage(layout, BotCard.of(details.bot()), profile, handlers);
  }

  private static void add(List<Line> lines, String label, String value) {
    if (value != null) {
      lines.add(new Line(label, value));
    }
  }
}
