package dev.imbot.adapter.rest;

import static dev.imbot.adapter.rest.Envelopes.assertError;
import static dev.imbot.adapter.rest.Envelopes.assertInteger;
import static dev.imbot.adapter.rest.Envelopes.assertSuccess;
import static dev.imbot.adapter.rest.PhpQuery.params;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imbot.application.port.in.portal.AdministerPeopleUseCase;
import dev.imbot.application.port.in.portal.AdministerPeopleUseCase.AddPersonCommand;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.bot.TestImages;
import dev.imbot.domain.event.BotEvent;
import dev.imbot.domain.event.HandlerUrl;
import dev.imbot.domain.portal.ApplicationKey;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every row of imbot.register.md's table over the wire, with the exact {@code error}, {@code
 * error_description} and HTTP status, and the order in which the rows are checked.
 */
@MicronautTest
class RegisterRulesWireTest extends WireTest {
  private static final String COLORS =
      "RED, GREEN, MINT, LIGHT_BLUE, DARK_BLUE, PURPLE, AQUA, PINK, LIME, BROWN, AZURE, KHAKI,"
          + " SAND, MARENGO, GRAY, GRAPHITE";

  @Inject AdministerPeopleUseCase people;

  private String prefix;
  private String client;

  @org.junit.jupiter.api.BeforeEach
  void credentials() {
    prefix = webhook();
    client = unique("rules");
  }

  private Wire.Response register(Map<String, Object> parameters) {
    return wire.postForm(prefix + "imbot.register", PhpQuery.build(parameters));
  }

  /** A valid request with the five handlers given one by one. */
  private Map<String, Object> separateHandlers(String code) {
    return params(
        "CODE", code,
        "CLIENT_ID", client,
        "EVENT_MESSAGE_ADD", "https://bot.example.com/add",
        "EVENT_MESSAGE_UPDATE", "https://bot.example.com/update",
        "EVENT_MESSAGE_DELETE", "https://bot.example.com/delete",
        "EVENT_WELCOME_MESSAGE", "https://bot.example.com/welcome",
        "EVENT_BOT_DELETE", "https://bot.example.com/bye",
        "PROPERTIES", params("NAME", "Rules"));
  }

  // Step 1

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t"})
  void givenAWebhookCallWithABlankClientId_register_answers403(String clientId) {
    assertError(
        register(minimalBot(clientId, "c", "N")),
        403,
        "ACCESS_DENIED",
        "Access denied! Client ID not specified");
  }

  @Test
  void givenAWebhookCallWithoutClientIdAndNothingElse_register_answers403First() {
    assertError(
        wire.postForm(prefix + "imbot.register", ""),
        403,
        "ACCESS_DENIED",
        "Access denied! Client ID not specified");
    assertError(
        wire.postForm(prefix + "imbot.register", "CLIENT_ID%5Bx%5D=1"),
        403,
        "ACCESS_DENIED",
        "Access denied! Client ID not specified");
  }

  @Test
  void givenATokenCall_registerWithoutClientId_registersForTheTokensApplication() {
    String token = applicationToken(client);
    long id = registerWithToken(minimalBot(null, "c", "N"), token);
    assertThat(portal.bots().findById(BotId.of(id)).orElseThrow().application())
        .isEqualTo(ApplicationKey.of(client));
  }

  @Test
  void givenAClientIdOver122Characters_register_answersWrongRequest() {
    assertError(
        register(minimalBot("x".repeat(123), "c", "N")),
        400,
        "WRONG_REQUEST",
        "CLIENT_ID must be at most 122 characters");
    assertInteger(assertSuccess(register(minimalBot("y".repeat(122), "c", "N"))));
  }

  // Steps 2–6

  static Stream<Arguments> requiredHandlers() {
    return Stream.of(
        Arguments.of("EVENT_MESSAGE_ADD", "Message add"),
        Arguments.of("EVENT_WELCOME_MESSAGE", "Welcome message"),
        Arguments.of("EVENT_BOT_DELETE", "Bot delete"));
  }

  @ParameterizedTest
  @MethodSource("requiredHandlers")
  void givenARequiredHandlerMissingOrBlank_register_answersItsErrorNotSpecified(
      String parameter, String title) {
    Map<String, Object> missing = separateHandlers("c");
    missing.remove(parameter);
    String text = "Handler for \"" + title + "\" event isn't specified";
    assertError(register(missing), 400, parameter + "_ERROR", text);
    Map<String, Object> blank = separateHandlers("c");
    blank.put(parameter, "  ");
    assertError(register(blank), 400, parameter + "_ERROR", text);
  }

  @Test
  void givenTheOptionalHandlersMissing_register_succeeds() {
    Map<String, Object> parameters = separateHandlers("c");
    parameters.remove("EVENT_MESSAGE_UPDATE");
    parameters.remove("EVENT_MESSAGE_DELETE");
    assertInteger(assertSuccess(register(parameters)));
  }

  static Stream<Arguments> invalidHandlers() {
    String wrong = "Wrong handler URL";
    String protocol = "Unsupported handler protocol";
    return Stream.of(
            "EVENT_MESSAGE_ADD",
            "EVENT_MESSAGE_UPDATE",
            "EVENT_MESSAGE_DELETE",
            "EVENT_WELCOME_MESSAGE",
            "EVENT_BOT_DELETE")
        .flatMap(
            parameter ->
                Stream.of(
                    Arguments.of(parameter, "not a url", wrong),
                    Arguments.of(parameter, "/chatApi/event.php", wrong),
                    Arguments.of(parameter, "www.hazz/chatApi/event.php", wrong),
                    Arguments.of(parameter, "http://localhost/event.php", wrong),
                    Arguments.of(parameter, "http://user:secret@bot.example.com/x", wrong),
                    Arguments.of(parameter, "http://.example/x", wrong),
                    Arguments.of(parameter, "https://bot.example.com/" + "a".repeat(2030), wrong),
                    Arguments.of(parameter, "ftp://bot.example.com/x", protocol),
                    Arguments.of(parameter, "mailto:bot@example.com", protocol),
                    Arguments.of(parameter, "javascript:alert(1)", protocol)));
  }

  @ParameterizedTest
  @MethodSource("invalidHandlers")
  void givenAnInvalidHandler_register_answersItsEventError(
      String parameter, String url, String description) {
    Map<String, Object> parameters = separateHandlers("c");
    parameters.put(parameter, url);
    assertError(register(parameters), 400, parameter + "_ERROR", description);
  }

  @Test
  void givenValidHandlerEdgeCases_register_acceptsThem() {
    for (String url :
        new String[] {
          "http://127.0.0.1/x",
          "HTTPS://Bot.Example.com:8443/path?q=1#f",
          " https://bot.example.com/padded ",
          // 2048 characters once the webhook-keyed application's CLIENT_ID is appended.
          "https://bot.example.com/"
              + "a"
                  .repeat(
                      2048
                          - "https://bot.example.com/".length()
                          - ("?CLIENT_ID=" + client).length())
        }) {
      Map<String, Object> parameters = minimalBot(client, unique("edge"), "Edge");
      parameters.put("EVENT_HANDLER", url);
      assertInteger(assertSuccess(register(parameters)));
    }
  }

  @Test
  void givenAnInvalidEventHandler_register_answersMessageAddError() {
    Map<String, Object> parameters = minimalBot(client, "c", "N");
    parameters.put("EVENT_HANDLER", "ftp://bot.example.com/x");
    assertError(
        register(parameters), 400, "EVENT_MESSAGE_ADD_ERROR", "Unsupported handler protocol");
    parameters.put("EVENT_HANDLER", "nonsense");
    assertError(register(parameters), 400, "EVENT_MESSAGE_ADD_ERROR", "Wrong handler URL");
  }

  @Test
  void givenEventHandlerAndSeparateHandlers_register_bindsEventHandlerForAll() {
    Map<String, Object> parameters = separateHandlers("c");
    parameters.put("EVENT_HANDLER", "https://one.example.com/all");
    parameters.put("EVENT_MESSAGE_UPDATE", "not a url");
    parameters.put("TYPE", "S");
    assertInteger(assertSuccess(register(parameters)));
    assertThat(portal.handlers().bindingsOf(ApplicationKey.of("custom" + client)).asMap())
        .hasSize(5)
        .allSatisfy(
            (event, url) ->
                assertThat(url)
                    .isEqualTo(HandlerUrl.of("https://one.example.com/all?CLIENT_ID=" + client)));
  }

  @Test
  void givenUpdateAndDeleteHandlersForAnOrdinaryBot_register_doesNotBindThem() {
    assertInteger(assertSuccess(register(separateHandlers("ordinary"))));
    assertThat(portal.handlers().bindingsOf(ApplicationKey.of("custom" + client)).asMap())
        .containsOnlyKeys(BotEvent.MESSAGE_ADD, BotEvent.WELCOME_MESSAGE, BotEvent.BOT_DELETE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"TYPE=S", "TYPE=O", "TYPE=o", "OPENLINE=Y", "OPENLINE=y"})
  void givenASupervisorOrOpenLinesBot_register_bindsUpdateAndDeleteHandlers(String flag) {
    String[] pair = flag.split("=");
    Map<String, Object> parameters = separateHandlers("special");
    parameters.put(pair[0], pair[1]);
    assertInteger(assertSuccess(register(parameters)));
    assertThat(portal.handlers().bindingsOf(ApplicationKey.of("custom" + client)).asMap())
        .containsOnlyKeys(BotEvent.values());
  }

  // Steps 7–8

  @ParameterizedTest
  @ValueSource(strings = {"<absent>", "", "   ", "<nested>"})
  void givenNoUsableCode_register_answersCodeError(String code) {
    Map<String, Object> parameters = minimalBot(client, code, "N");
    if (code.equals("<absent>")) {
      parameters.remove("CODE");
    } else if (code.equals("<nested>")) {
      parameters.put("CODE", params("0", "c"));
    }
    assertError(register(parameters), 400, "CODE_ERROR", "Bot code isn't specified");
  }

  @Test
  void givenNoUsableName_register_answersNameError() {
    Map<String, Object> noProperties = minimalBot(client, "c", "N");
    noProperties.remove("PROPERTIES");
    Map<String, Object> blankNames = minimalBot(client, "c", " ");
    properties(blankNames).put("LAST_NAME", "");
    Map<String, Object> propertiesAsText = minimalBot(client, "c", "N");
    propertiesAsText.put("PROPERTIES", "NewBot");
    Map<String, Object> otherFieldsOnly = minimalBot(client, "c", "N");
    otherFieldsOnly.put("PROPERTIES", params("COLOR", "RED", "name", "lower-case key"));
    for (Map<String, Object> parameters :
        List.of(noProperties, blankNames, propertiesAsText, otherFieldsOnly)) {
      assertError(register(parameters), 400, "NAME_ERROR", "Bot name isn't specified");
    }
  }

  @Test
  void givenOnlyALastName_register_succeeds() {
    Map<String, Object> parameters = minimalBot(client, "c", null);
    parameters.put("PROPERTIES", params("LAST_NAME", "Lastly"));
    assertInteger(assertSuccess(register(parameters)));
  }

  // Step 9

  static Stream<Arguments> invalidFields() {
    String png = TestImages.pngBase64(2, 2);
    byte[] damaged = Arrays.copyOf(TestImages.png(2, 2), 20);
    return Stream.of(
        Arguments.of("CODE", "c".repeat(51), "CODE must be at most 50 characters"),
        Arguments.of("NAME", "n".repeat(51), "PROPERTIES[NAME] must be at most 50 characters"),
        Arguments.of(
            "LAST_NAME", "n".repeat(51), "PROPERTIES[LAST_NAME] must be at most 50 characters"),
        Arguments.of("COLOR", "BLACK", "PROPERTIES[COLOR] must be one of " + COLORS),
        Arguments.of("EMAIL", "not-an-address", "PROPERTIES[EMAIL] must be a valid e-mail address"),
        Arguments.of(
            "EMAIL",
            "a".repeat(250) + "@b.com",
            "PROPERTIES[EMAIL] must be at most 255 characters"),
        Arguments.of(
            "PERSONAL_BIRTHDAY",
            "2016-02-30",
            "PROPERTIES[PERSONAL_BIRTHDAY] must be a real date as YYYY-MM-DD"),
        Arguments.of(
            "PERSONAL_BIRTHDAY",
            "11.03.2016",
            "PROPERTIES[PERSONAL_BIRTHDAY] must be a real date as YYYY-MM-DD"),
        Arguments.of(
            "WORK_POSITION",
            "w".repeat(256),
            "PROPERTIES[WORK_POSITION] must be at most 255 characters"),
        Arguments.of(
            "PERSONAL_WWW",
            "w".repeat(256),
            "PROPERTIES[PERSONAL_WWW] must be at most 255 characters"),
        Arguments.of("PERSONAL_GENDER", "X", "PROPERTIES[PERSONAL_GENDER] must be M, F or empty"),
        Arguments.of(
            "PERSONAL_PHOTO", "!!not base64!!", "PROPERTIES[PERSONAL_PHOTO] must be base64"),
        Arguments.of(
            "PERSONAL_PHOTO",
            TestImages.base64("hello, world".getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
            "PROPERTIES[PERSONAL_PHOTO] must be a PNG, JPEG, GIF or WebP image"),
        Arguments.of(
            "PERSONAL_PHOTO",
            TestImages.base64(TestImages.pngHeader(5001, 10)),
            "PROPERTIES[PERSONAL_PHOTO] must be at most 5000x5000 pixels"),
        Arguments.of(
            "PERSONAL_PHOTO",
            TestImages.base64(TestImages.padded(TestImages.png(2, 2), 1_048_577)),
            "PROPERTIES[PERSONAL_PHOTO] must be at most 1 MiB"),
        Arguments.of(
            "PERSONAL_PHOTO",
            TestImages.base64(damaged),
            "PROPERTIES[PERSONAL_PHOTO] has a damaged image header"),
        Arguments.of(
            "PERSONAL_PHOTO",
            "data:text/plain," + png,
            "PROPERTIES[PERSONAL_PHOTO] must be base64"));
  }

  @ParameterizedTest
  @MethodSource("invalidFields")
  void givenAnInvalidField_register_answersWrongRequestNamingTheFieldAndRule(
      String field, String value, String description) {
    Map<String, Object> parameters = minimalBot(client, "c", "N");
    if (field.equals("CODE")) {
      parameters.put("CODE", value);
    } else {
      properties(parameters).put(field, value);
    }
    assertError(register(parameters), 400, "WRONG_REQUEST", description);
    assertThat(portal.bots().listAll())
        .noneMatch(bot -> bot.application().value().endsWith(client));
  }

  @Test
  void givenValidOptionalFields_register_storesThemNormalised() {
    Map<String, Object> parameters = minimalBot(client, " spaced ", "  Name  ");
    properties(parameters)
        .putAll(
            params(
                "COLOR", "light_blue",
                "PERSONAL_GENDER", "m",
                "EMAIL", unique("Bot") + "@Example.com",
                "PERSONAL_PHOTO", "data:image/png;base64," + TestImages.pngBase64(3, 3),
                "WORK_POSITION", "",
                "name", "ignored: nested names are upper-case as sent"));
    long id = assertInteger(assertSuccess(register(parameters)));
    var bot = portal.bots().findById(BotId.of(id)).orElseThrow();
    assertThat(bot.code().value()).isEqualTo("spaced");
    assertThat(bot.profile().name()).isEqualTo("Name");
    assertThat(bot.profile().color()).isEqualTo(dev.imbot.domain.bot.Color.LIGHT_BLUE);
    assertThat(bot.profile().gender()).isEqualTo(dev.imbot.domain.portal.Gender.MALE);
    assertThat(bot.profile().workPosition()).isNull();
    assertThat(bot.profile().avatar().width()).isEqualTo(3);
  }

  @Test
  void givenFiftyCharactersOfAnyScript_register_acceptsThem() {
    Map<String, Object> parameters = minimalBot(client, "😀".repeat(50), "Ж".repeat(50));
    properties(parameters).put("LAST_NAME", "🤖".repeat(50));
    assertInteger(assertSuccess(register(parameters)));
  }

  @Test
  void givenSeveralRulesBroken_register_answersTheFirstInTableOrder() {
    Map<String, Object> parameters =
        params(
            "CLIENT_ID", client,
            "EVENT_MESSAGE_UPDATE", "ftp://x.y/u",
            "EVENT_MESSAGE_DELETE", "ftp://x.y/d",
            "EVENT_WELCOME_MESSAGE", "bad",
            "EVENT_BOT_DELETE", "bad",
            "CODE", "c".repeat(60),
            "PROPERTIES",
                params(
                    "NAME", "",
                    "LAST_NAME", "",
                    "COLOR", "BLACK",
                    "EMAIL", "bad",
                    "PERSONAL_GENDER", "X"));
    assertError(
        register(parameters),
        400,
        "EVENT_MESSAGE_ADD_ERROR",
        "Handler for \"Message add\" event isn't specified");
    parameters.put("EVENT_MESSAGE_ADD", "https://bot.example.com/add");
    assertError(
        register(parameters), 400, "EVENT_MESSAGE_UPDATE_ERROR", "Unsupported handler protocol");
    parameters.put("EVENT_MESSAGE_UPDATE", "https://bot.example.com/update");
    assertError(
        register(parameters), 400, "EVENT_MESSAGE_DELETE_ERROR", "Unsupported handler protocol");
    parameters.put("EVENT_MESSAGE_DELETE", "https://bot.example.com/delete");
    assertError(register(parameters), 400, "EVENT_WELCOME_MESSAGE_ERROR", "Wrong handler URL");
    parameters.put("EVENT_WELCOME_MESSAGE", "https://bot.example.com/welcome");
    assertError(register(parameters), 400, "EVENT_BOT_DELETE_ERROR", "Wrong handler URL");
    parameters.put("EVENT_BOT_DELETE", "https://bot.example.com/bye");
    // A 60-character code, but no name: step 8 comes before any length (decision 11).
    parameters.put("CODE", " ");
    assertError(register(parameters), 400, "CODE_ERROR", "Bot code isn't specified");
    parameters.put("CODE", "c".repeat(60));
    assertError(register(parameters), 400, "NAME_ERROR", "Bot name isn't specified");
    properties(parameters).put("NAME", "n".repeat(51));
    assertError(register(parameters), 400, "WRONG_REQUEST", "CODE must be at most 50 characters");
    parameters.put("CODE", "ordered");
    assertError(
        register(parameters),
        400,
        "WRONG_REQUEST",
        "PROPERTIES[NAME] must be at most 50 characters");
    properties(parameters).put("NAME", "Ordered");
    assertError(
        register(parameters), 400, "WRONG_REQUEST", "PROPERTIES[COLOR] must be one of " + COLORS);
    properties(parameters).put("COLOR", "RED");
    assertError(
        register(parameters),
        400,
        "WRONG_REQUEST",
        "PROPERTIES[EMAIL] must be a valid e-mail address");
    properties(parameters).put("EMAIL", unique("ordered") + "@example.com");
    assertError(
        register(parameters),
        400,
        "WRONG_REQUEST",
        "PROPERTIES[PERSONAL_GENDER] must be M, F or empty");
    properties(parameters).put("PERSONAL_GENDER", "F");
    assertInteger(assertSuccess(register(parameters)));
  }

  // Step 10

  @Test
  void givenAnExistingCode_registerAgain_answersTheSameIdKeepsTheProfileAndRebindsHandlers() {
    long id = assertInteger(assertSuccess(register(minimalBot(client, "again", "First"))));
    Map<String, Object> again = minimalBot(client, " again ", "Second");
    again.put("EVENT_HANDLER", "https://new.example.com/handler");
    properties(again).put("COLOR", "RED");

    assertThat(assertInteger(assertSuccess(register(again)))).isEqualTo(id);
    var bot = portal.bots().findById(BotId.of(id)).orElseThrow();
    assertThat(bot.profile().name()).isEqualTo("First");
    assertThat(bot.profile().color()).isNull();
    assertThat(
            portal
                .handlers()
                .bindingsOf(ApplicationKey.of("custom" + client))
                .handlerFor(BotEvent.MESSAGE_ADD))
        .contains(HandlerUrl.of("https://new.example.com/handler?CLIENT_ID=" + client));
    assertThat(portal.bots().listAll())
        .filteredOn(b -> b.application().equals(bot.application()))
        .hasSize(1);
  }

  @Test
  void givenTheSameCodeInAnotherApplicationOrAnotherCase_register_createsAnotherBot() {
    long first = assertInteger(assertSuccess(register(minimalBot(client, "newbot", "A"))));
    long otherApp = assertInteger(assertSuccess(register(minimalBot(client + "x", "newbot", "B"))));
    long otherCase = assertInteger(assertSuccess(register(minimalBot(client, "NewBot", "C"))));
    assertThat(Stream.of(first, otherApp, otherCase).distinct()).hasSize(3);
  }

  // Step 11

  @Test
  void givenFiveBots_registerASixth_answersMaxCountErrorButAnExistingCodeStillAnswersItsId() {
    long[] ids = new long[5];
    for (int i = 0; i < 5; i++) {
      ids[i] = assertInteger(assertSuccess(register(minimalBot(client, "bot" + i, "Bot" + i))));
    }
    String maxCount = "Has reached the maximum number of bots for application (max: 5)";
    assertError(register(minimalBot(client, "bot5", "Bot5")), 400, "MAX_COUNT_ERROR", maxCount);
    assertThat(assertInteger(assertSuccess(register(minimalBot(client, "bot3", "Bot3")))))
        .isEqualTo(ids[3]);
    // Step 11 comes before step 12.
    Map<String, Object> taken = minimalBot(client, "bot6", "Bot6");
    properties(taken).put("EMAIL", "admin@portal.example.com");
    assertError(register(taken), 400, "MAX_COUNT_ERROR", maxCount);
    // Another application has its own limit; a freed place can be taken again.
    assertInteger(assertSuccess(register(minimalBot(client + "other", "bot5", "Bot5"))));
    assertSuccess(
        wire.postForm(prefix + "imbot.unregister", "CLIENT_ID=" + client + "&BOT_ID=" + ids[0]));
    assertInteger(assertSuccess(register(minimalBot(client, "bot5", "Bot5"))));
  }

  // Step 12

  @Test
  void givenThePortalUsersEmail_register_answersEmailAlreadyInUse() {
    String email = unique("person") + "@portal.example.com";
    people.add(new AddPersonCommand("A Person", email));
    Map<String, Object> parameters = minimalBot(client, "mail", "Mail");
    properties(parameters).put("EMAIL", email.toUpperCase(java.util.Locale.ROOT));
    assertError(
        register(parameters),
        400,
        "WRONG_REQUEST",
        "Bot can't be created: e-mail is already in use");
    properties(parameters).put("EMAIL", "admin@portal.example.com");
    assertError(
        register(parameters),
        400,
        "WRONG_REQUEST",
        "Bot can't be created: e-mail is already in use");
  }

  @Test
  void givenAnotherBotsEmail_register_answersEmailAlreadyInUse() {
    String email = unique("bot") + "@example.com";
    Map<String, Object> first = minimalBot(client + "first", "mail", "First");
    properties(first).put("EMAIL", email);
    assertInteger(assertSuccess(register(first)));
    Map<String, Object> second = minimalBot(client, "mail2", "Second");
    properties(second).put("EMAIL", " " + email.toUpperCase(java.util.Locale.ROOT) + " ");
    assertError(
        register(second), 400, "WRONG_REQUEST", "Bot can't be created: e-mail is already in use");
    // Step 10 comes before step 12: the bot that has the address registers again.
    assertInteger(assertSuccess(register(first)));
  }
}
