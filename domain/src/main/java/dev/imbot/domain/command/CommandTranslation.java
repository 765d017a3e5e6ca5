package dev.imbot.domain.command;

import dev.imbot.domain.common.Text;
import dev.imbot.domain.rejection.InvalidField;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One language's title of a command and the hint for its parameters ({@code LANG[n]}), as the
 * messenger would list it.
 *
 * @param languageId the language, lower case, e.g. {@code en}
 * @param title the command's title in it
 * @param params the hint for its parameters, empty when none
 */
public record CommandTranslation(String languageId, String title, String params) {
  public static final int MAX_LANGUAGE_ID_LENGTH = 10;
  public static final int MAX_TEXT_LENGTH = 255;

  public CommandTranslation {
    Objects.requireNonNull(languageId, "languageId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(params, "params");
    if (languageId.isBlank()) {
      throw new IllegalArgumentException("a translation needs a language");
    }
  }

  /**
   * Reads {@code LANG} (sent as {@code field}): a list of {@code {LANGUAGE_ID, TITLE, PARAMS}}.
   * Missing or empty is {@code LANG_ERROR} "Lang set can't be empty". Entries that are not maps, or
   * lack a {@code LANGUAGE_ID} or a {@code TITLE}, are skipped, as Bitrix24 skips them; a language
   * given twice keeps its first entry; a value that is not a list counts as a set with no entry.
   * Language ids are lower-cased; a value over its length is {@code WRONG_REQUEST} naming it, e.g.
   * {@code LANG[0][TITLE] must be at most 255 characters}.
   *
   * @param tree the parameter tree as sent (maps with string keys, string leaves), null when absent
   */
  public static List<CommandTranslation> parse(Object tree, String field) {
    if (tree == null
        || tree instanceof String text && text.isEmpty()
        || tree instanceof Map<?, ?> map && map.isEmpty()) {
      throw CommandRejection.refuse(CommandRejectionReason.LANG_EMPTY);
    }
    List<CommandTranslation> translations = new ArrayList<>();
    if (!(tree instanceof Map<?, ?> entries)) {
      return translations;
    }
    Set<String> languages = new HashSet<>();
    for (Map.Entry<?, ?> entry : entries.entrySet()) {
      if (!(entry.getValue() instanceof Map<?, ?> values)) {
        continue;
      }
      String name = field + "[" + entry.getKey() + "]";
      String language = text(values.get("LANGUAGE_ID"));
      String title = text(values.get("TITLE"));
      if (language == null || language.isBlank() || title == null) {
        continue;
      }
      String params = text(values.get("PARAMS"));
      language = language.strip().toLowerCase(Locale.ROOT);
      checkLength(name + "[LANGUAGE_ID]", language, MAX_LANGUAGE_ID_LENGTH);
      checkLength(name + "[TITLE]", title, MAX_TEXT_LENGTH);
      checkLength(name + "[PARAMS]", params == null ? "" : params, MAX_TEXT_LENGTH);
      if (languages.add(language)) {
        translations.add(new CommandTranslation(language, title, params == null ? "" : params));
      }
    }
    return translations;
  }

  private static String text(Object value) {
    return value instanceof String text ? text : null;
  }

  private static void checkLength(String field, String value, int max) {
    if (Text.length(value) > max) {
      throw InvalidField.of(field, "must be at most " + max + " characters").toException();
    }
  }
}
