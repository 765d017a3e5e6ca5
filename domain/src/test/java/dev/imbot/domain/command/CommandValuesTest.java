package dev.imbot.domain.command;

import static dev.imbot.domain.rejection.TestRejections.bitrixErrorOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imbot.domain.event.HandlerUrl;
import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.rejection.BitrixError;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The values of the command context: names, ids, titles, handlers, changes, the window. */
class CommandValuesTest {
  private static final ApplicationKey WEBHOOK_APP = ApplicationKey.fromClientId("my app");
  private static final ApplicationKey LOCAL_APP = ApplicationKey.of("local.app1");

  private static Map<String, Object> entry(String language, String title, String params) {
    Map<String, Object> entry = new LinkedHashMap<>();
    if (language != null) {
      entry.put("LANGUAGE_ID", language);
    }
    if (title != null) {
      entry.put("TITLE", title);
    }
    if (params != null) {
      entry.put("PARAMS", params);
    }
    return entry;
  }

  private static Map<String, Object> list(Object... entries) {
    Map<String, Object> list = new LinkedHashMap<>();
    for (int i = 0; i < entries.length; i++) {
      list.put(String.valueOf(i), entries[i]);
    }
    return list;
  }

  // --- names ---

  @ParameterizedTest
  @CsvSource({"echo, echo", "/echo, echo", "' /echo ', echo", "//echo, /echo"})
  void givenCommand_parse_dropsBlanksAndOneLeadingSlash(String raw, String name) {
    assertThat(CommandName.parse(raw, "COMMAND").value()).isEqualTo(name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "/", " / "})
  void givenNoName_parse_isCommandError(String raw) {
    assertThat(bitrixErrorOf(() -> CommandName.parse(raw, "COMMAND")))
        .isEqualTo(new BitrixError("COMMAND_ERROR", "Command isn't specified"));
    assertThat(bitrixErrorOf(() -> CommandName.parse(null, "COMMAND")).code())
        .isEqualTo("COMMAND_ERROR");
  }

  @Test
  void givenNameOver255Characters_parse_namesTheField() {
    assertThat(bitrixErrorOf(() -> CommandName.parse("c".repeat(256), "FIELDS[COMMAND]")))
        .isEqualTo(
            new BitrixError("WRONG_REQUEST", "FIELDS[COMMAND] must be at most 255 characters"));
    assertThat(CommandName.parse("😀".repeat(255), "COMMAND").value()).hasSize(510);
  }

  // --- ids ---

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "0", "-1", "abc", "12abc", "1.5", "1234567890123456789"})
  void givenNoId_parse_isCommandNotFound(String raw) {
    assertThat(bitrixErrorOf(() -> CommandId.parse(raw)))
        .isEqualTo(new BitrixError("COMMAND_ID_ERROR", "Command not found"));
  }

  @Test
  void givenDigits_parse_readsThem() {
    assertThat(CommandId.parse(" 42 ")).isEqualTo(CommandId.of(42));
    assertThat(CommandId.tryParse(null)).isEmpty();
  }

  // --- titles ---

  @Test
  void givenEmptyLang_parse_isLangError() {
    for (Object lang : new Object[] {null, "", Map.of()}) {
      assertThat(bitrixErrorOf(() -> CommandTranslation.parse(lang, "LANG")))
          .isEqualTo(new BitrixError("LANG_ERROR", "Lang set can't be empty"));
    }
  }

  @Test
  void givenEntries_parse_keepsTheUsableOnesLowerCasedFirstOfALanguageWins() {
    List<CommandTranslation> translations =
        CommandTranslation.parse(
            list(
                entry("EN", "Echo", "text"),
                entry(null, "No language", null),
                entry("de", null, null),
                "not an entry",
                entry("en", "Second English", null),
                entry("ru", "", null)),
            "LANG");

    assertThat(translations)
        .containsExactly(
            new CommandTranslation("en", "Echo", "text"), new CommandTranslation("ru", "", ""));
  }

  @Test
  void givenTextInsteadOfAList_parse_isASetWithoutEntries() {
    assertThat(CommandTranslation.parse("whatever", "LANG")).isEmpty();
  }

  @Test
  void givenTitleOver255Characters_parse_namesTheEntry() {
    assertThat(
            bitrixErrorOf(
                () -> CommandTranslation.parse(list(entry("en", "t".repeat(256), null)), "LANG")))
        .isEqualTo(
            new BitrixError("WRONG_REQUEST", "LANG[0][TITLE] must be at most 255 characters"));
    assertThat(
            bitrixErrorOf(
                () ->
                    CommandTranslation.parse(
                        list(entry("english-usa", "Echo", null)), "FIELDS[LANG]")))
        .isEqualTo(
            new BitrixError(
                "WRONG_REQUEST", "FIELDS[LANG][0][LANGUAGE_ID] must be at most 10 characters"));
  }

  // --- the handler ---

  @Test
  void givenWebhookKeyedApplication_handler_getsItsClientIdAppended() {
    assertThat(CommandHandler.forRegistration(" https://bot.example.com/h.php ", WEBHOOK_APP))
        .isEqualTo(HandlerUrl.of("https://bot.example.com/h.php?CLIENT_ID=my+app"));
    assertThat(CommandHandler.forRegistration("https://bot.example.com/h.php?x=1", WEBHOOK_APP))
        .isEqualTo(HandlerUrl.of("https://bot.example.com/h.php?x=1&CLIENT_ID=my+app"));
  }

  @Test
  void givenLocalApplication_handler_isKeptAsGiven() {
    assertThat(CommandHandler.forRegistration("https://bot.example.com/h.php", LOCAL_APP))
        .isEqualTo(HandlerUrl.of("https://bot.example.com/h.php"));
  }

  @Test
  void givenBadHandlers_forRegistration_answersEventCommandAddErrors() {
    assertThat(bitrixErrorOf(() -> CommandHandler.forRegistration(" ", LOCAL_APP)))
        .isEqualTo(
            new BitrixError(
                "EVENT_COMMAND_ADD_ERROR", "Handler for \"Command add\" event isn't specified"));
    assertThat(bitrixErrorOf(() -> CommandHandler.forRegistration("http://localhost/h", LOCAL_APP)))
        .isEqualTo(new BitrixError("EVENT_COMMAND_ADD_ERROR", "Wrong handler URL"));
    assertThat(
            bitrixErrorOf(
                () -> CommandHandler.forRegistration("ftp://bot.example.com/h", WEBHOOK_APP)))
        .isEqualTo(new BitrixError("EVENT_COMMAND_ADD_ERROR", "Unsupported handler protocol"));
    assertThat(CommandHandler.forUpdate(null, LOCAL_APP)).isEmpty();
  }

  // --- changes ---

  @Test
  void givenFields_read_takesEveryNonEmptyOne() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("COMMAND", "/help");
    fields.put("HIDDEN", "Y");
    fields.put("EXTRANET_SUPPORT", "yes");
    fields.put("COMMON", "Y");
    fields.put("LANG", list(entry("en", "Help", "")));
    CommandChange change = CommandChange.read(fields);

    assertThat(change.name()).contains(CommandName.of("help"));
    assertThat(change.hidden()).contains(true);
    assertThat(change.extranetSupport()).contains(false);
    assertThat(change.translations()).contains(List.of(new CommandTranslation("en", "Help", "")));
  }

  @Test
  void givenNothingUsable_read_isEmpty() {
    assertThat(CommandChange.read(null).isEmpty()).isTrue();
    assertThat(CommandChange.read("text").isEmpty()).isTrue();
    assertThat(
            CommandChange.read(Map.of("COMMAND", " ", "HIDDEN", "", "LANG", "", "COMMON", "Y"))
                .isEmpty())
        .isTrue();
  }

  @Test
  void givenChange_changed_keepsWhatItDoesNotName() {
    SlashCommand command =
        TestCommands.command(
                1,
                dev.imbot.domain.chat.TestChats.bot(
                    5, LOCAL_APP, dev.imbot.domain.bot.BotType.BOT, false),
                "echo",
                true)
            .command();
    SlashCommand changed =
        command.changed(
            new CommandChange(
                Optional.of(CommandName.of("say")),
                Optional.of(true),
                Optional.empty(),
                Optional.empty()));

    assertThat(changed.name().value()).isEqualTo("say");
    assertThat(changed.hidden()).isTrue();
    assertThat(changed.common()).isTrue();
    assertThat(changed.translations()).isEqualTo(command.translations());
  }

  // --- the answer window ---

  @Test
  void givenTenMinuteWindow_isOpen_untilTenMinutesAfterTheCommand() {
    Instant sent = Instant.parse("2026-12-04T10:00:00Z");
    AnswerWindow window = AnswerWindow.DEFAULT;

    assertThat(window.isOpen(sent, sent.plus(Duration.ofMinutes(10)))).isTrue();
    assertThat(window.isOpen(sent, sent.plus(Duration.ofMinutes(10)).plusMillis(1))).isFalse();
    assertThat(window.closesAt(sent)).isEqualTo(Instant.parse("2026-12-04T10:10:00Z"));
  }
}
