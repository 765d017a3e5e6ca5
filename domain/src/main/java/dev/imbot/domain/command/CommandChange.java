package dev.imbot.domain.command;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code imbot.command.update} changes, read from {@code FIELDS}: each part is given when its
 * field is sent non-empty, as Bitrix24 reads them.
 *
 * @param name {@code FIELDS[COMMAND]}: a new name
 * @param hidden {@code FIELDS[HIDDEN]}: {@code Y} hides, anything else shows
 * @param extranetSupport {@code FIELDS[EXTRANET_SUPPORT]}: {@code Y} or not
 * @param translations {@code FIELDS[LANG]}: replaces every title
 */
public record CommandChange(
    Optional<CommandName> name,
    Optional<Boolean> hidden,
    Optional<Boolean> extranetSupport,
    Optional<List<CommandTranslation>> translations) {

  public CommandChange {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(hidden, "hidden");
    Objects.requireNonNull(extranetSupport, "extranetSupport");
    Objects.requireNonNull(translations, "translations");
  }

  /**
   * Reads {@code FIELDS} (a map as sent; anything else holds nothing). A blank {@code COMMAND} is
   * ignored; values over their lengths are {@code WRONG_REQUEST} naming the field inside {@code
   * FIELDS}, e.g. {@code FIELDS[COMMAND] must be at most 255 characters}. {@code COMMON} is not
   * read: Bitrix24 does not change it.
   */
  public static CommandChange read(Object fields) {
    Map<?, ?> map = fields instanceof Map<?, ?> m ? m : Map.of();
    String command = text(map.get("COMMAND"));
    Optional<CommandName> name =
        CommandName.normalised(command).isEmpty()
            ? Optional.empty()
            : Optional.of(CommandName.parse(command, "FIELDS[COMMAND]"));
    Object lang = map.get("LANG");
    Optional<List<CommandTranslation>> translations =
        isEmpty(lang)
            ? Optional.empty()
            : Optional.of(CommandTranslation.parse(lang, "FIELDS[LANG]"));
    return new CommandChange(
        name, flag(map.get("HIDDEN")), flag(map.get("EXTRANET_SUPPORT")), translations);
  }

  /** Whether nothing is to change. */
  public boolean isEmpty() {
    return name.isEmpty()
        && hidden.isEmpty()
        && extranetSupport.isEmpty()
        && translations.isEmpty();
  }

  private static Optional<Boolean> flag(Object value) {
    String text = text(value);
    return text == null || text.isEmpty() ? Optional.empty() : Optional.of(text.equals("Y"));
  }

  private static boolean isEmpty(Object value) {
    return value == null
        || value instanceof String text && text.isEmpty()
        || value instanceof Map<?, ?> map && map.isEmpty();
  }

  private static String text(Object value) {
    return value instanceof String text ? text : null;
  }
}
