package dev.imbot.domain.bot;

import dev.imbot.domain.common.Text;
import dev.imbot.domain.event.BotEvent;
import dev.imbot.domain.event.HandlerBindings;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A checked {@code imbot.update} request: an optional new code, the handlers to bind (for every bot
 * type), and the profile fields sent, to be merged into the stored profile.
 *
 * @param code the new code, empty when none (or a blank one) was sent
 * @param bindings the handlers to bind for the application
 * @param profileFields the raw {@code PROPERTIES} sent, empty when none
 */
public record BotUpdate(
    Optional<BotCode> code, HandlerBindings bindings, Map<String, String> profileFields) {

  public BotUpdate {
    profileFields = Map.copyOf(profileFields);
  }

  /**
   * Checks raw {@code FIELDS} in the documented order: nothing usable ({@link
   * BotRejectionReason#UPDATE_FIELDS_EMPTY}), handlers, then the code's length. Profile fields are
   * checked when merged ({@link Bot#update}), as they depend on the stored profile. Invalid fields
   * are named as inside {@code FIELDS} ({@code CODE}, {@code PROPERTIES[COLOR]}); the use case
   * names them as its caller sent them.
   *
   * @param code raw {@code FIELDS[CODE]}, null when not sent
   * @param eventHandler raw {@code FIELDS[EVENT_HANDLER]}, null when not sent
   * @param handlers raw {@code FIELDS[EVENT_*]} by event
   * @param properties raw {@code FIELDS[PROPERTIES]}, null when not sent
   */
  public static BotUpdate validate(
      String code,
      String eventHandler,
      Map<BotEvent, String> handlers,
      Map<String, String> properties) {
    // A blank code or handler is not sent (as in Bitrix24), so FIELDS of only blanks are empty.
    boolean usable =
        !Text.isBlank(code)
            || !Text.isBlank(eventHandler)
            || handlers.values().stream().anyMatch(raw -> !Text.isBlank(raw))
            || BotProfile.mentionsAnyField(properties);
    if (!usable) {
      throw BotRejection.of(BotRejectionReason.UPDATE_FIELDS_EMPTY).toException();
    }
    HandlerBindings bindings = HandlerBindings.forUpdate(eventHandler, handlers);
    Map<String, String> sent = properties == null ? Map.of() : withoutNulls(properties);
    BotProfile.requireNamesNotBothBlanked(sent);
    Optional<BotCode> newCode =
        Text.isBlank(code) ? Optional.empty() : Optional.of(BotCode.parse(code, "CODE"));
    return new BotUpdate(newCode, bindings, sent);
  }

  // Map.copyOf refuses null values; a field sent as null is a field sent blank.
  private static Map<String, String> withoutNulls(Map<String, String> properties) {
    HashMap<String, String> copy = new HashMap<>();
    properties.forEach((k, v) -> copy.put(k, v == null ? "" : v));
    return copy;
  }
}
