package dev.imbot.domain.bot;

import dev.imbot.domain.common.Text;
import dev.imbot.domain.event.BotEvent;
import dev.imbot.domain.event.HandlerBindings;
import dev.imbot.domain.rejection.RejectedException;
import java.util.Map;
import java.util.Objects;

/**
 * A checked {@code imbot.register} request: everything a new bot needs, valid on its own (steps 2–9
 * of imbot.register's checks). Rules that read stored state (steps 10–13) come after, in the
 * policies.
 *
 * @param bindings the handlers this registration binds for the application
 */
public record BotRegistration(
    BotCode code, BotType type, boolean openLines, BotProfile profile, HandlerBindings bindings) {

  public BotRegistration {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(bindings, "bindings");
    if (type == BotType.OPEN_LINES && !openLines) {
      throw new IllegalArgumentException("an Open Lines bot must have Open Lines on");
    }
  }

  /**
   * Checks raw wire values in the documented order: handlers (steps 2–6), {@code CODE} present
   * (step 7), a name (step 8), then every other field (step 9). The first failure is thrown as a
   * {@link RejectedException}.
   *
   * @param code raw {@code CODE}
   * @param type raw {@code TYPE}; unknown or absent means {@link BotType#BOT}
   * @param openLine raw {@code OPENLINE}; {@code Y} (any case) turns Open Lines on
   * @param eventHandler raw {@code EVENT_HANDLER}, null when not sent
   * @param handlers raw {@code EVENT_*} values by event
   * @param properties raw {@code PROPERTIES}, null when not sent
   */
  public static BotRegistration validate(
      String code,
      String type,
      String openLine,
      String eventHandler,
      Map<BotEvent, String> handlers,
      Map<String, String> properties) {
    BotType botType = BotType.fromWire(type);
    boolean openLines = botType == BotType.OPEN_LINES || isYes(openLine);
    HandlerBindings bindings =
        HandlerBindings.forRegistration(
            eventHandler, handlers, botType.hearsMessageEdits(openLines));
    if (Text.isBlank(code)) {
      throw BotRejection.of(BotRejectionReason.CODE_NOT_SPECIFIED).toException();
    }
    BotProfile.requireName(properties);
    BotCode botCode = BotCode.parse(code, "CODE");
    BotProfile profile = BotProfile.fromProperties(properties, "PROPERTIES");
    return new BotRegistration(botCode, botType, openLines, profile, bindings);
  }

  private static boolean isYes(String value) {
    return value != null && value.strip().equalsIgnoreCase("Y");
  }
}
