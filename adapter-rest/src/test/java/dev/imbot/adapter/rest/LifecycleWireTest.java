package dev.imbot.adapter.rest;

import static dev.imbot.adapter.rest.Envelopes.assertError;
import static dev.imbot.adapter.rest.Envelopes.assertInteger;
import static dev.imbot.adapter.rest.Envelopes.assertSuccess;
import static dev.imbot.adapter.rest.PhpQuery.params;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imbot.application.port.in.portal.AdministerPeopleUseCase;
import dev.imbot.application.port.in.portal.AdministerPeopleUseCase.AddPersonCommand;
import dev.imbot.domain.bot.Bot;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.bot.Color;
import dev.imbot.domain.event.BotEvent;
import dev.imbot.domain.event.HandlerUrl;
import dev.imbot.domain.event.PendingEvent;
import dev.imbot.domain.portal.ApplicationKey;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** lifecycle.md over the wire: imbot.unregister, imbot.update, imbot.bot.list. */
@MicronautTest
class LifecycleWireTest extends WireTest {
  private static final String NOT_FOUND = "Bot not found";
  private static final String OTHER_APP = "Bot was installed by another rest application";
  private static final String NO_CLIENT = "Access denied! Client ID not specified";
  private static final String EMPTY_FIELDS = "Update fields can't be empty";

  @Inject AdministerPeopleUseCase people;

  private String prefix;
  private String client;

  @BeforeEach
  void credentials() {
    prefix = webhook();
    client = unique("life");
  }

  private long registerBot(String code, String name) {
    return register(prefix, minimalBot(client, code, name));
  }

  private Wire.Response unregister(String query) {
    return wire.postForm(prefix + "imbot.unregister", query);
  }

  private Wire.Response update(String query) {
    return wire.postForm(prefix + "imbot.update", query);
  }

  private Bot stored(long id) {
    return portal.bots().findById(BotId.of(id)).orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> botList(String path) {
    Object result = assertSuccess(wire.get(path));
    assertThat(result).isInstanceOf(Map.class);
    return (Map<String, Object>) result;
  }

  // With webhook auth every method but the list needs CLIENT_ID

  @Test
  void givenAWebhookCallWithoutClientId_unregisterOrUpdate_answers403() {
    long id = registerBot("c", "N");
    assertError(unregister("BOT_ID=" + id), 403, "ACCESS_DENIED", NO_CLIENT);
    assertError(unregister("BOT_ID=" + id + "&CLIENT_ID=+"), 403, "ACCESS_DENIED", NO_CLIENT);
    assertError(update("BOT_ID=" + id + "&FIELDS%5BCODE%5D=x"), 403, "ACCESS_DENIED", NO_CLIENT);
    assertError(unregister(""), 403, "ACCESS_DENIED", NO_CLIENT);
    assertThat(portal.bots().findById(BotId.of(id))).isPresent();
  }

  @Test
  void givenAWebhookCallWithoutClientId_botList_answersTheList() {
    long id = registerBot("c", "N");
    assertThat(botList(prefix + "imbot.bot.list")).containsKey(Long.toString(id));
  }

  // imbot.unregister

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "BOT_ID=",
        "BOT_ID=+",
        "BOT_ID=abc",
        "BOT_ID=0",
        "BOT_ID=-5",
        "BOT_ID=1.5",
        "BOT_ID=1e3",
        "BOT_ID=999999999",
        "BOT_ID=12345678901234567890",
        "BOT_ID%5B%5D=1"
      })
  void givenNoSuchBot_unregisterOrUpdate_answersBotIdError(String botId) {
    String query = "CLIENT_ID=" + client + "&" + botId;
    assertError(unregister(query), 400, "BOT_ID_ERROR", NOT_FOUND);
    assertError(update(query + "&FIELDS%5BCODE%5D=x"), 400, "BOT_ID_ERROR", NOT_FOUND);
  }

  @Test
  void givenAnotherApplicationsBot_unregisterOrUpdate_answersAppIdErrorAndChangesNothing() {
    long id = registerBot("mine", "Mine");
    Bot before = stored(id);
    String other = "CLIENT_ID=" + client + "other&BOT_ID=" + id;
    assertError(unregister(other), 400, "APP_ID_ERROR", OTHER_APP);
    assertError(
        update(other + "&FIELDS%5BPROPERTIES%5D%5BNAME%5D=Theirs"), 400, "APP_ID_ERROR", OTHER_APP);
    // An application calling with its token is another application than custom<CLIENT_ID>.
    String token = applicationToken(client);
    assertError(
        wire.postForm("/rest/imbot.unregister", "auth=" + token + "&BOT_ID=" + id),
        400,
        "APP_ID_ERROR",
        OTHER_APP);
    assertError(
        wire.postJson(
            "/rest/imbot.update",
            Json.write(params("auth", token, "BOT_ID", id, "FIELDS", params("CODE", "theirs")))),
        400,
        "APP_ID_ERROR",
        OTHER_APP);
    assertThat(stored(id)).isEqualTo(before);
    assertThat(portal.outbox().enqueued())
        .noneMatch(event -> event.data().text("BOT_ID").orElseThrow().equals(Long.toString(id)));
  }

  @Test
  void givenOwnBot_unregister_answersTrueDeletesItAndFreesItsCode() {
    long id = registerBot("gone", "Gone");
    long kept = registerBot("kept", "Kept");

    Wire.Response response = unregister("CLIENT_ID=" + client + "&BOT_ID=" + id);

    assertThat(assertSuccess(response)).isEqualTo(Boolean.TRUE);
    assertThat(response.text()).startsWith("{\"result\":true,");
    assertThat(portal.bots().findById(BotId.of(id))).isEmpty();
    assertThat(botList(prefix + "imbot.bot.list"))
        .doesNotContainKey(Long.toString(id))
        .containsKey(Long.toString(kept));
    PendingEvent notice =
        portal.outbox().enqueued().stream()
            .filter(n -> n.data().text("BOT_ID").orElseThrow().equals(Long.toString(id)))
            .findFirst()
            .orElseThrow();
    assertThat(notice.event()).isEqualTo("ONIMBOTDELETE");
    assertThat(notice.data().text("BOT_CODE")).contains("gone");
    assertThat(notice.handler())
        .as("bound with CLIENT_ID appended, as Bitrix24 binds a webhook-keyed bot's handler")
        .isEqualTo(HandlerUrl.of(HANDLER + "?CLIENT_ID=" + client));
    assertError(
        unregister("CLIENT_ID=" + client + "&BOT_ID=" + id), 400, "BOT_ID_ERROR", NOT_FOUND);
    long again = registerBot("gone", "Gone again");
    assertThat(again).isNotEqualTo(id);
  }

  @Test
  void givenTheApplicationsLastBot_unregister_removesItsHandlerBindings() {
    long first = registerBot("first", "First");
    long second = registerBot("second", "Second");
    ApplicationKey application = ApplicationKey.of("custom" + client);

    assertSuccess(unregister("CLIENT_ID=" + client + "&BOT_ID=" + first));
    assertThat(portal.handlers().bindingsOf(application).isEmpty()).isFalse();
    assertSuccess(unregister("CLIENT_ID=" + client + "&BOT_ID=" + second));
    assertThat(portal.handlers().bindingsOf(application).isEmpty()).isTrue();
  }

  @Test
  void givenABotIdAsJsonNumberOrInTheQuery_unregister_deletesTheBot() {
    long viaJson = registerBot("json", "Json");
    long viaGet = registerBot("get", "Get");
    assertThat(
            assertSuccess(
                wire.postJson(
                    prefix + "imbot.unregister",
                    "{\"CLIENT_ID\":\"" + client + "\",\"BOT_ID\":" + viaJson + "}")))
        .isEqualTo(Boolean.TRUE);
    assertThat(
            assertSuccess(
                wire.get(
                    prefix + "IMBOT.UNREGISTER.json?client_id=" + client + "&bot_id=" + viaGet)))
        .isEqualTo(Boolean.TRUE);
    assertThat(portal.bots().findById(BotId.of(viaJson))).isEmpty();
    assertThat(portal.bots().findById(BotId.of(viaGet))).isEmpty();
  }

  @Test
  void givenATokenCall_unregisterOwnBot_deletesIt() {
    String token = applicationToken(client);
    long id =
        assertInteger(
            assertSuccess(
                wire.postForm(
                    "/rest/imbot.register?auth=" + token,
                    PhpQuery.build(minimalBot(null, "tok", "Tok")))));
    assertThat(assertSuccess(wire.postForm("/rest/imbot.unregister?auth=" + token, "BOT_ID=" + id)))
        .isEqualTo(Boolean.TRUE);
  }

  // imbot.update

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "FIELDS=",
        "FIELDS=text",
        "FIELDS%5BFOO%5D=1",
        "FIELDS%5BTYPE%5D=O&FIELDS%5BOPENLINE%5D=Y",
        "FIELDS%5BPROPERTIES%5D%5BUNKNOWN%5D=x",
        "FIELDS%5BPROPERTIES%5D=text",
        "FIELDS%5Bcode%5D=lower-case-is-another-name",
        "CODE=top-level-is-not-in-fields"
      })
  void givenNoUsableFields_update_answersUpdateFieldsCantBeEmpty(String fields) {
    long id = registerBot("c", "N");
    Bot before = stored(id);
    assertError(
        update("CLIENT_ID=" + client + "&BOT_ID=" + id + "&" + fields),
        400,
        "WRONG_REQUEST",
        EMPTY_FIELDS);
    assertThat(stored(id)).isEqualTo(before);
  }

  @Test
  void givenAnInvalidHandler_update_answersItsEventError() {
    long id = registerBot("c", "N");
    String base = "CLIENT_ID=" + client + "&BOT_ID=" + id + "&";
    assertError(
        update(base + "FIELDS%5BEVENT_MESSAGE_ADD%5D=nonsense"),
        400,
        "EVENT_MESSAGE_ADD_ERROR",
        "Wrong handler URL");
    assertError(
        update(base + "FIELDS%5BEVENT_MESSAGE_UPDATE%5D=ftp%3A%2F%2Fbot.example.com%2Fx"),
        400,
        "EVENT_MESSAGE_UPDATE_ERROR",
        "Unsupported handler protocol");
    assertError(
        update(base + "FIELDS%5BEVENT_BOT_DELETE%5D=http%3A%2F%2Flocalhost%2Fx"),
        400,
        "EVENT_BOT_DELETE_ERROR",
        "Wrong handler URL");
    assertError(
        update(base + "FIELDS%5BEVENT_HANDLER%5D=mailto%3Ax%40y.z"),
        400,
        "EVENT_MESSAGE_ADD_ERROR",
        "Unsupported handler protocol");
  }

  @Test
  void givenBothNamesBlank_update_answersNameErrorButABlankNameAloneIsIgnored() {
    long id = registerBot("c", "Named");
    String base = "CLIENT_ID=" + client + "&BOT_ID=" + id + "&";
    assertError(
        update(base + "FIELDS%5BPROPERTIES%5D%5BNAME%5D=&FIELDS%5BPROPERTIES%5D%5BLAST_NAME%5D=+"),
        400,
        "NAME_ERROR",
        "Bot name isn't specified");
    assertThat(assertSuccess(update(base + "FIELDS%5BPROPERTIES%5D%5BNAME%5D=+")))
        .isEqualTo(Boolean.TRUE);
    assertThat(stored(id).profile().name()).isEqualTo("Named");
  }

  @Test
  void givenAnInvalidField_update_answersWrongRequestNamingTheFullPath() {
    long id = registerBot("c", "N");
    String base = "CLIENT_ID=" + client + "&BOT_ID=" + id + "&";
    assertError(
        update(base + "FIELDS%5BPROPERTIES%5D%5BCOLOR%5D=BLACK"),
        400,
        "WRONG_REQUEST",
        "FIELDS[PROPERTIES][COLOR] must be one of RED, GREEN, MINT, LIGHT_BLUE, DARK_BLUE,"
            + " PURPLE, AQUA, PINK, LIME, BROWN, AZURE, KHAKI, SAND, MARENGO, GRAY, GRAPHITE");
    assertError(
        update(base + "FIELDS%5BCODE%5D=" + "c".repeat(51)),
        400,
        "WRONG_REQUEST",
        "FIELDS[CODE] must be at most 50 characters");
    assertError(
        update(base + "FIELDS%5BPROPERTIES%5D%5BPERSONAL_BIRTHDAY%5D=2023-02-29"),
        400,
        "WRONG_REQUEST",
        "FIELDS[PROPERTIES][PERSONAL_BIRTHDAY] must be a real date as YYYY-MM-DD");
    assertError(
        update(base + "FIELDS%5BPROPERTIES%5D%5BPERSONAL_PHOTO%5D=%21%21"),
        400,
        "WRONG_REQUEST",
        "FIELDS[PROPERTIES][PERSONAL_PHOTO] must be base64");
  }

  @Test
  void givenACodeOrEmailInUse_update_answersWrongRequest() {
    long id = registerBot("one", "One");
    registerBot("two", "Two");
    String email = unique("taken") + "@example.com";
    people.add(new AddPersonCommand("Taken", email));
    String base = "CLIENT_ID=" + client + "&BOT_ID=" + id + "&";
    assertError(
        update(base + "FIELDS%5BCODE%5D=two"),
        400,
        "WRONG_REQUEST",
        "Bot can't be updated: code is already in use");
    assertError(
        update(base + "FIELDS%5BPROPERTIES%5D%5BEMAIL%5D=" + PhpQuery.urlencode(email)),
        400,
        "WRONG_REQUEST",
        "Bot can't be updated: e-mail is already in use");
    assertThat(stored(id).code().value()).isEqualTo("one");
    // Its own code is not "in use".
    assertThat(assertSuccess(update(base + "FIELDS%5BCODE%5D=one"))).isEqualTo(Boolean.TRUE);
  }

  @Test
  void givenChangedFields_update_answersTrueAndMergesTheProfile() {
    long id = registerBot("old", "Old");
    Map<String, Object> request =
        params(
            "CLIENT_ID", client,
            "BOT_ID", Long.toString(id),
            "FIELDS",
                params(
                    "CODE", "new",
                    "TYPE", "O",
                    "OPENLINE", "Y",
                    "PROPERTIES", params("LAST_NAME", "Newer", "COLOR", "aqua")));

    Wire.Response response = wire.postJson(prefix + "imbot.update", Json.write(request));

    assertThat(assertSuccess(response)).isEqualTo(Boolean.TRUE);
    assertThat(response.text()).startsWith("{\"result\":true,");
    Bot bot = stored(id);
    assertThat(bot.code().value()).isEqualTo("new");
    assertThat(bot.profile().name()).isEqualTo("Old");
    assertThat(bot.profile().lastName()).isEqualTo("Newer");
    assertThat(bot.profile().color()).isEqualTo(Color.AQUA);
    assertThat(bot.openLines()).isFalse();
    @SuppressWarnings("unchecked")
    Map<String, Object> entry =
        (Map<String, Object>) botList(prefix + "imbot.bot.list").get(Long.toString(id));
    assertThat(entry).containsEntry("NAME", "Old Newer").containsEntry("CODE", "new");
    assertThat(entry).containsEntry("OPENLINE", "N");
  }

  @Test
  void givenHandlers_update_bindsThemForEveryBotTypeAndAllTheApplicationsBots() {
    registerBot("a", "A");
    long id = registerBot("b", "B");
    String base = "CLIENT_ID=" + client + "&BOT_ID=" + id + "&";
    assertSuccess(
        update(
            base
                + "FIELDS%5BEVENT_MESSAGE_UPDATE%5D=https%3A%2F%2Fbot.example.com%2Fupdate"
                + "&FIELDS%5BEVENT_MESSAGE_ADD%5D=+https%3A%2F%2Fbot.example.com%2Fadd+"));
    Map<BotEvent, HandlerUrl> bound =
        portal.handlers().bindingsOf(ApplicationKey.of("custom" + client)).asMap();
    assertThat(bound)
        .containsEntry(
            BotEvent.MESSAGE_UPDATE,
            HandlerUrl.of("https://bot.example.com/update?CLIENT_ID=" + client))
        .containsEntry(
            BotEvent.MESSAGE_ADD, HandlerUrl.of("https://bot.example.com/add?CLIENT_ID=" + client))
        .containsEntry(BotEvent.WELCOME_MESSAGE, HandlerUrl.of(HANDLER + "?CLIENT_ID=" + client))
        .doesNotContainKey(BotEvent.MESSAGE_DELETE);
  }

  @Test
  void givenSeveralErrors_update_answersInTheSpecsOrder() {
    long id = registerBot("order", "Order");
    long others = register(prefix, minimalBot(client + "x", "theirs", "Theirs"));
    String everythingWrong =
        "FIELDS%5BEVENT_MESSAGE_ADD%5D=bad&FIELDS%5BPROPERTIES%5D%5BNAME%5D="
            + "&FIELDS%5BPROPERTIES%5D%5BLAST_NAME%5D=&FIELDS%5BPROPERTIES%5D%5BCOLOR%5D=BLACK";
    assertError(
        update("CLIENT_ID=" + client + "&BOT_ID=0&" + everythingWrong),
        400,
        "BOT_ID_ERROR",
        NOT_FOUND);
    assertError(
        update("CLIENT_ID=" + client + "&BOT_ID=" + others + "&" + everythingWrong),
        400,
        "APP_ID_ERROR",
        OTHER_APP);
    assertError(
        update("CLIENT_ID=" + client + "&BOT_ID=" + others), 400, "APP_ID_ERROR", OTHER_APP);
    String base = "CLIENT_ID=" + client + "&BOT_ID=" + id + "&";
    assertError(update(base), 400, "WRONG_REQUEST", EMPTY_FIELDS);
    assertError(
        update(base + everythingWrong), 400, "EVENT_MESSAGE_ADD_ERROR", "Wrong handler URL");
    assertError(
        update(base + everythingWrong.replace("=bad", "=https%3A%2F%2Fa.example%2F")),
        400,
        "NAME_ERROR",
        "Bot name isn't specified");
  }

  // imbot.bot.list

  @Test
  void givenBotsOfSeveralApplications_botList_answersEveryBotKeyedByIdInIdOrder() {
    long plain = registerBot("plain", "Plain");
    Map<String, Object> lastNameOnly = minimalBot(client + "b", "last", null);
    lastNameOnly.put("PROPERTIES", params("LAST_NAME", "Only"));
    long last = register(prefix, lastNameOnly);
    Map<String, Object> openLines = minimalBot(client + "c", "ol", "Open");
    openLines.put("TYPE", "O");
    properties(openLines).put("LAST_NAME", "Lines");
    long ol = register(prefix, openLines);
    String token = applicationToken(unique("listing"));

    Wire.Response response = wire.get("/rest/imbot.bot.list?auth=" + token);
    Map<String, Object> list = botList("/rest/imbot.bot.list?auth=" + token);

    assertThat(list).containsKeys(Long.toString(plain), Long.toString(last), Long.toString(ol));
    List<Long> ids = new ArrayList<>();
    list.forEach(
        (key, value) -> {
          @SuppressWarnings("unchecked")
          Map<String, Object> entry = (Map<String, Object>) value;
          assertThat(entry).containsOnlyKeys("ID", "NAME", "CODE", "OPENLINE");
          assertThat(List.copyOf(entry.keySet())).containsExactly("ID", "NAME", "CODE", "OPENLINE");
          long id = assertInteger(entry.get("ID"));
          assertThat(key).isEqualTo(Long.toString(id));
          assertThat(entry.get("OPENLINE")).isIn("Y", "N");
          ids.add(id);
        });
    assertThat(ids).isSorted();
    assertThat(list.get(Long.toString(plain)))
        .isEqualTo(
            params(
                "ID",
                new Json.JsonNumber(Long.toString(plain), true),
                "NAME",
                "Plain",
                "CODE",
                "plain",
                "OPENLINE",
                "N"));
    assertThat(list.get(Long.toString(last)))
        .isEqualTo(
            params(
                "ID",
                new Json.JsonNumber(Long.toString(last), true),
                "NAME",
                "Only",
                "CODE",
                "last",
                "OPENLINE",
                "N"));
    assertThat(list.get(Long.toString(ol)))
        .isEqualTo(
            params(
                "ID",
                new Json.JsonNumber(Long.toString(ol), true),
                "NAME",
                "Open Lines",
                "CODE",
                "ol",
                "OPENLINE",
                "Y"));
    assertThat(response.text()).contains("\"" + plain + "\":{\"ID\":" + plain + ",");
  }

  @Test
  void givenAnyEncoding_botList_answersTheSameList() {
    registerBot("enc", "Enc");
    Object viaGet = assertSuccess(wire.get(prefix + "imbot.bot.list"));
    assertThat(assertSuccess(wire.postForm(prefix + "imbot.bot.list", ""))).isEqualTo(viaGet);
    assertThat(assertSuccess(wire.postJson(prefix + "imbot.bot.list", "{}"))).isEqualTo(viaGet);
    assertThat(assertSuccess(wire.postJson(prefix + "imbot.bot.list.json", "{\"CLIENT_ID\":1}")))
        .isEqualTo(viaGet);
  }
}
