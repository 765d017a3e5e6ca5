package dev.imbot.domain.bot;

import static dev.imbot.domain.rejection.TestRejections.rejectionOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imbot.domain.event.BotEvent;
import dev.imbot.domain.event.HandlerRejection;
import dev.imbot.domain.event.HandlerRejectionReason;
import dev.imbot.domain.event.HandlerUrl;
import dev.imbot.domain.rejection.BitrixError;
import dev.imbot.domain.rejection.InvalidField;
import dev.imbot.domain.rejection.Rejection;
import dev.imbot.domain.rejection.RequestRejectionReason;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class BotUpdateTest {

  private static final String URL = "https://bot.example.com/handler";
  private static final Map<BotEvent, String> NO_HANDLERS = Map.of();

  private static BotUpdate validate(
      String code, String eventHandler, Map<BotEvent, String> handlers, Map<String, String> props) {
    return BotUpdate.validate(code, eventHandler, handlers, props);
  }

  // --- nothing usable ---

  static Stream<Arguments> nothingUsable() {
    return Stream.of(
        Arguments.of("everything missing", null, null, NO_HANDLERS, null),
        Arguments.of("empty PROPERTIES", null, null, NO_HANDLERS, Map.of()),
        Arguments.of("only unknown properties", null, null, NO_HANDLERS, Map.of("FOO", "x")),
        Arguments.of(
            "lower-case property keys", null, null, NO_HANDLERS, Map.of("name", "New Name")),
        Arguments.of("blank CODE only", "  ", null, NO_HANDLERS, null),
        Arguments.of("empty CODE only", "", null, NO_HANDLERS, null),
        Arguments.of("blank EVENT_HANDLER only", null, " ", NO_HANDLERS, null),
        Arguments.of(
            "blank EVENT_* only", null, null, Map.of(BotEvent.MESSAGE_ADD, ""), Map.of("X", "")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nothingUsable")
  void givenNothingUsable_validate_rejectsAsUpdateFieldsEmpty(
      String situation,
      String code,
      String eventHandler,
      Map<BotEvent, String> handlers,
      Map<String, String> properties) {
    Rejection rejection = rejectionOf(() -> validate(code, eventHandler, handlers, properties));

    assertThat(rejection.reason()).isEqualTo(BotRejectionReason.UPDATE_FIELDS_EMPTY);
    assertThat(rejection.error())
        .isEqualTo(new BitrixError("WRONG_REQUEST", "Update fields can't be empty"));
  }

  @Test
  void givenBlankEventHandlerAndUnknownProperties_validate_rejectsAsEmptyNotAsWrongUrl() {
    // A blank EVENT_HANDLER would be a wrong URL if it were read; it is not usable instead.
    Rejection rejection = rejectionOf(() -> validate(null, "", Map.of(), Map.of("UF", "x")));

    assertThat(rejection.reason()).isEqualTo(BotRejectionReason.UPDATE_FIELDS_EMPTY);
  }

  // --- what each kind of field makes usable ---

  @Test
  void givenOnlyACode_validate_acceptsItTrimmed() {
    BotUpdate update = validate(" newcode ", null, NO_HANDLERS, null);

    assertThat(update.code()).contains(BotCode.of("newcode"));
    assertThat(update.bindings().isEmpty()).isTrue();
    assertThat(update.profileFields()).isEmpty();
  }

  @Test
  void givenOnlyAHandler_validate_acceptsIt() {
    BotUpdate update = validate(null, null, Map.of(BotEvent.BOT_DELETE, URL), null);

    assertThat(update.code()).isEmpty();
    assertThat(update.bindings().asMap()).containsOnlyKeys(BotEvent.BOT_DELETE);
  }

  @Test
  void givenOnlyAProfileField_validate_keepsItForMerging() {
    BotUpdate update = validate(null, null, NO_HANDLERS, Map.of("COLOR", "RED", "FOO", "x"));

    assertThat(update.profileFields()).containsEntry("COLOR", "RED");
    assertThat(update.code()).isEmpty();
  }

  @ParameterizedTest(name = "CODE ''{0}''")
  @NullAndEmptySource
  @ValueSource(strings = {"  "})
  void givenNoOrBlankCodeWithOtherFields_validate_leavesTheCodeUnchanged(String code) {
    BotUpdate update = validate(code, null, NO_HANDLERS, Map.of("NAME", "New"));

    assertThat(update.code()).isEmpty();
  }

  @Test
  void givenMessageUpdateAndDeleteHandlers_validate_bindsThemWhateverTheBot() {
    Map<BotEvent, String> handlers = new EnumMap<>(BotEvent.class);
    handlers.put(BotEvent.MESSAGE_UPDATE, URL);
    handlers.put(BotEvent.MESSAGE_DELETE, URL);

    BotUpdate update = validate(null, null, handlers, null);

    assertThat(update.bindings().handlerFor(BotEvent.MESSAGE_UPDATE)).contains(HandlerUrl.of(URL));
    assertThat(update.bindings().handlerFor(BotEvent.MESSAGE_DELETE)).contains(HandlerUrl.of(URL));
  }

  @Test
  void givenEventHandler_validate_bindsAllFive() {
    BotUpdate update = validate(null, URL, NO_HANDLERS, null);

    assertThat(update.bindings().asMap()).containsOnlyKeys(BotEvent.values());
  }

  // --- order: handlers, then the name, then other fields ---

  @Test
  void givenInvalidHandlerAndBlankNamesAndLongCode_validate_rejectsTheHandler() {
    HandlerRejection rejection =
        rejectionOf(
            () ->
                validate(
                    "c".repeat(51),
                    null,
                    Map.of(BotEvent.WELCOME_MESSAGE, "http://localhost/x"),
                    Map.of("NAME", "", "LAST_NAME", "")));

    assertThat(rejection.reason()).isEqualTo(HandlerRejectionReason.HANDLER_URL_INVALID);
    assertThat(rejection.event()).isEqualTo(BotEvent.WELCOME_MESSAGE);
    assertThat(rejection.error())
        .isEqualTo(new BitrixError("EVENT_WELCOME_MESSAGE_ERROR", "Wrong handler URL"));
  }

  @Test
  void givenInvalidEventHandler_validate_rejectsAsMessageAddsError() {
    Rejection rejection =
        rejectionOf(() -> validate(null, "ftp://x.example.com", NO_HANDLERS, null));

    assertThat(rejection.error())
        .isEqualTo(new BitrixError("EVENT_MESSAGE_ADD_ERROR", "Unsupported handler protocol"));
  }

  @Test
  void givenBothNamesBlankAndLongCode_validate_rejectsTheNameFirst() {
    Rejection rejection =
        rejectionOf(
            () ->
                validate("c".repeat(51), null, NO_HANDLERS, Map.of("NAME", " ", "LAST_NAME", "")));

    assertThat(rejection.reason()).isEqualTo(BotRejectionReason.NAME_NOT_SPECIFIED);
    assertThat(rejection.error())
        .isEqualTo(new BitrixError("NAME_ERROR", "Bot name isn't specified"));
  }

  @Test
  void givenBothNamesSentAsNull_validate_rejectsAsNameNotSpecified() {
    Map<String, String> properties = new HashMap<>();
    properties.put("NAME", null);
    properties.put("LAST_NAME", null);

    Rejection rejection = rejectionOf(() -> validate(null, null, NO_HANDLERS, properties));

    assertThat(rejection.reason()).isEqualTo(BotRejectionReason.NAME_NOT_SPECIFIED);
  }

  @Test
  void givenOnlyOneNameSentBlank_validate_accepts() {
    BotUpdate update = validate(null, null, NO_HANDLERS, Map.of("NAME", ""));

    assertThat(update.profileFields()).containsEntry("NAME", "");
  }

  @Test
  void givenCodeOf51Characters_validate_rejectsNamingFieldsCode() {
    InvalidField rejection = rejectionOf(() -> validate("c".repeat(51), null, NO_HANDLERS, null));

    assertThat(rejection.reason()).isEqualTo(RequestRejectionReason.FIELD_INVALID);
    assertThat(rejection.field()).isEqualTo("CODE");
    assertThat(rejection.error())
        .isEqualTo(new BitrixError("WRONG_REQUEST", "CODE must be at most 50 characters"));
  }

  @Test
  void givenCodeOf50Characters_validate_acceptsIt() {
    assertThat(validate("c".repeat(50), null, NO_HANDLERS, null).code())
        .contains(BotCode.of("c".repeat(50)));
  }

  // --- the record ---

  @Test
  void givenPropertiesWithNullValues_validate_keepsThemAsBlank() {
    Map<String, String> properties = new HashMap<>();
    properties.put("COLOR", null);

    BotUpdate update = validate(null, null, NO_HANDLERS, properties);

    assertThat(update.profileFields()).containsExactly(Map.entry("COLOR", ""));
  }

  @Test
  void givenPropertiesChangedAfterwards_profileFields_doNotChange() {
    Map<String, String> properties = new HashMap<>(Map.of("COLOR", "RED"));
    BotUpdate update = validate(null, null, NO_HANDLERS, properties);

    properties.put("COLOR", "GREEN");

    assertThat(update.profileFields()).containsExactly(Map.entry("COLOR", "RED"));
  }
}
