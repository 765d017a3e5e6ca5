package dev.imbot.domain.event;

import static dev.imbot.domain.event.BotEvent.BOT_DELETE;
import static dev.imbot.domain.event.BotEvent.MESSAGE_ADD;
import static dev.imbot.domain.event.BotEvent.MESSAGE_DELETE;
import static dev.imbot.domain.event.BotEvent.MESSAGE_UPDATE;
import static dev.imbot.domain.event.BotEvent.WELCOME_MESSAGE;
import static dev.imbot.domain.rejection.TestRejections.rejectionOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imbot.domain.bot.BotType;
import dev.imbot.domain.bot.TestBots;
import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.rejection.BitrixError;
import dev.imbot.domain.rejection.Rejection;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class HandlerBindingsTest {

  private static final String URL = "https://bot.example.com/handler";
  private static final String OTHER_URL = "https://other.example.com/events";
  private static final String WRONG_URL = "http://localhost/x";
  private static final String FTP_URL = "ftp://bot.example.com/x";

  private static Map<BotEvent, String> handlers(Object... eventsAndUrls) {
    Map<BotEvent, String> handlers = new EnumMap<>(BotEvent.class);
    for (int i = 0; i < eventsAndUrls.length; i += 2) {
      handlers.put((BotEvent) eventsAndUrls[i], (String) eventsAndUrls[i + 1]);
    }
    return handlers;
  }

  private static HandlerBindings register(
      String eventHandler, Map<BotEvent, String> handlers, BotType type, boolean openLines) {
    return HandlerBindings.forRegistration(
        eventHandler, handlers, type.hearsMessageEdits(openLines));
  }

  private static HandlerRejection registrationRejection(
      String eventHandler, Map<BotEvent, String> h) {
    return rejectionOf(() -> register(eventHandler, h, BotType.BOT, false));
  }

  // --- forRegistration: required handlers ---

  @Test
  void givenTheThreeRequiredHandlers_forRegistration_bindsThem() {
    HandlerBindings bindings = register(null, TestBots.requiredHandlers(URL), BotType.BOT, false);

    assertThat(bindings.asMap())
        .containsOnlyKeys(MESSAGE_ADD, WELCOME_MESSAGE, BOT_DELETE)
        .allSatisfy((event, url) -> assertThat(url).isEqualTo(HandlerUrl.of(URL)));
  }

  @Test
  void givenEachEventItsOwnHandlerBetweenRepeatedOnes_forRegistrationAndUpdate_bindEachItsOwn() {
    // A URL parsed for one event is reused for the next only when the text is the same.
    Map<BotEvent, String> handlers =
        handlers(
            MESSAGE_ADD, URL,
            WELCOME_MESSAGE, OTHER_URL,
            BOT_DELETE, " " + OTHER_URL,
            MESSAGE_UPDATE, URL,
            MESSAGE_DELETE, "https://third.example.com/delete");
    Map<BotEvent, HandlerUrl> expected =
        Map.of(
            MESSAGE_ADD, HandlerUrl.of(URL),
            WELCOME_MESSAGE, HandlerUrl.of(OTHER_URL),
            BOT_DELETE, HandlerUrl.of(OTHER_URL),
            MESSAGE_UPDATE, HandlerUrl.of(URL),
            MESSAGE_DELETE, HandlerUrl.of("https://third.example.com/delete"));

    assertThat(register(null, handlers, BotType.SUPERVISOR, false).asMap())
        .containsExactlyInAnyOrderEntriesOf(expected);
    assertThat(HandlerBindings.forUpdate(null, handlers).asMap())
        .containsExactlyInAnyOrderEntriesOf(expected);
  }

  @ParameterizedTest
  @EnumSource(
      value = BotEvent.class,
      names = {"MESSAGE_ADD", "WELCOME_MESSAGE", "BOT_DELETE"})
  void givenOneRequiredHandlerMissing_forRegistration_rejectsItAsNotSpecified(BotEvent missing) {
    Map<BotEvent, String> handlers = TestBots.allHandlers(URL);
    handlers.remove(missing);

    HandlerRejection rejection = registrationRejection(null, handlers);

    assertThat(rejection.reason()).isEqualTo(HandlerRejectionReason.HANDLER_NOT_SPECIFIED);
    assertThat(rejection.event()).isEqualTo(missing);
    assertThat(rejection.error())
        .isEqualTo(
            new BitrixError(
                missing.parameterName() + "_ERROR",
                "Handler for \"" + missing.title() + "\" event isn't specified"));
  }

  @Test
  void givenNoHandlerAtAll_forRegistration_rejectsMessageAddFirst() {
    HandlerRejection rejection = registrationRejection(null, Map.of());

    assertThat(rejection.reason()).isEqualTo(HandlerRejectionReason.HANDLER_NOT_SPECIFIED);
    assertThat(rejection.event()).isEqualTo(MESSAGE_ADD);
    assertThat(rejection.error())
        .isEqualTo(
            new BitrixError(
                "EVENT_MESSAGE_ADD_ERROR", "Handler for \"Message add\" event isn't specified"));
  }

  @Test
  void givenWelcomeAndBotDeleteMissing_forRegistration_rejectsWelcomeFirst() {
    HandlerRejection rejection = registrationRejection(null, handlers(MESSAGE_ADD, URL));

    assertThat(rejection.event()).isEqualTo(WELCOME_MESSAGE);
    assertThat(rejection.error().description())
        .isEqualTo("Handler for \"Welcome message\" event isn't specified");
  }

  @Test
  void givenOnlyBotDeleteMissing_forRegistration_saysBotDelete() {
    Rejection rejection =
        registrationRejection(null, handlers(MESSAGE_ADD, URL, WELCOME_MESSAGE, URL));

    assertThat(rejection.error())
        .isEqualTo(
            new BitrixError(
                "EVENT_BOT_DELETE_ERROR", "Handler for \"Bot delete\" event isn't specified"));
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"", "   "})
  void givenBlankRequiredHandler_forRegistration_treatsItAsNotGiven(String blank) {
    Map<BotEvent, String> handlers = TestBots.requiredHandlers(URL);
    handlers.put(WELCOME_MESSAGE, blank);

    HandlerRejection rejection = registrationRejection(null, handlers);

    assertThat(rejection.reason()).isEqualTo(HandlerRejectionReason.HANDLER_NOT_SPECIFIED);
    assertThat(rejection.event()).isEqualTo(WELCOME_MESSAGE);
  }

  @Test
  void givenNullRequiredHandlerInTheMap_forRegistration_treatsItAsNotGiven() {
    Map<BotEvent, String> handlers = TestBots.requiredHandlers(URL);
    handlers.put(MESSAGE_ADD, null);

    assertThat(registrationRejection(null, handlers).event()).isEqualTo(MESSAGE_ADD);
  }

  // --- forRegistration: check order across events ---

  static Stream<Arguments> pairsOfEventsInCheckOrder() {
    List<Arguments> pairs = new ArrayList<>();
    List<BotEvent> events = BotEvent.inCheckOrder();
    for (int i = 0; i < events.size(); i++) {
      for (int j = i + 1; j < events.size(); j++) {
        pairs.add(Arguments.of(events.get(i), events.get(j)));
      }
    }
    return pairs.stream();
  }

  @ParameterizedTest(name = "{0} before {1}")
  @MethodSource("pairsOfEventsInCheckOrder")
  void givenTwoInvalidHandlers_forRegistration_rejectsTheEarlierInCheckOrder(
      BotEvent earlier, BotEvent later) {
    Map<BotEvent, String> handlers = TestBots.allHandlers(URL);
    handlers.put(earlier, WRONG_URL);
    handlers.put(later, FTP_URL);

    HandlerRejection rejection = registrationRejection(null, handlers);

    assertThat(rejection.event()).isEqualTo(earlier);
    assertThat(rejection.reason()).isEqualTo(HandlerRejectionReason.HANDLER_URL_INVALID);
  }

  @Test
  void givenInvalidMessageUpdateAndMissingWelcome_forRegistration_rejectsMessageUpdate() {
    Map<BotEvent, String> handlers =
        handlers(MESSAGE_ADD, URL, MESSAGE_UPDATE, FTP_URL, BOT_DELETE, URL);

    HandlerRejection rejection = registrationRejection(null, handlers);

    assertThat(rejection.reason()).isEqualTo(HandlerRejectionReason.HANDLER_PROTOCOL_UNSUPPORTED);
    assertThat(rejection.event()).isEqualTo(MESSAGE_UPDATE);
    assertThat(rejection.error())
        .isEqualTo(new BitrixError("EVENT_MESSAGE_UPDATE_ERROR", "Unsupported handler protocol"));
  }

  @Test
  void givenInvalidMessageDeleteAndMissingMessageAdd_forRegistration_rejectsMessageAdd() {
    Map<BotEvent, String> handlers =
        handlers(MESSAGE_DELETE, WRONG_URL, WELCOME_MESSAGE, URL, BOT_DELETE, URL);

    HandlerRejection rejection = registrationRejection(null, handlers);

    assertThat(rejection.reason()).isEqualTo(HandlerRejectionReason.HANDLER_NOT_SPECIFIED);
    assertThat(rejection.event()).isEqualTo(MESSAGE_ADD);
  }

  @Test
  void givenInvalidBotDeleteAndMissingWelcome_forRegistration_rejectsWelcome() {
    HandlerRejection rejection =
        registrationRejection(null, handlers(MESSAGE_ADD, URL, BOT_DELETE, WRONG_URL));

    assertThat(rejection.reason()).isEqualTo(HandlerRejectionReason.HANDLER_NOT_SPECIFIED);
    assertThat(rejection.event()).isEqualTo(WELCOME_MESSAGE);
  }

  // --- forRegistration: EVENT_HANDLER fan-out ---

  @Test
  void givenEventHandlerAndIndividualHandlers_forRegistration_eventHandlerOverridesThemAll() {
    Map<BotEvent, String> handlers = TestBots.allHandlers(OTHER_URL);

    HandlerBindings bindings = register(URL, handlers, BotType.SUPERVISOR, false);

    assertThat(bindings.asMap())
        .containsOnlyKeys(BotEvent.values())
        .allSatisfy((event, url) -> assertThat(url).isEqualTo(HandlerUrl.of(URL)));
  }

  @Test
  void
      givenEventHandlerAndInvalidIndividualHandlers_forRegistration_acceptsBecauseTheyAreOverridden() {
    Map<BotEvent, String> handlers = TestBots.allHandlers(WRONG_URL);

    HandlerBindings bindings = register(URL, handlers, BotType.BOT, false);

    assertThat(bindings.handlerFor(MESSAGE_ADD)).contains(HandlerUrl.of(URL));
  }

  @Test
  void givenOnlyEventHandlerForOrdinaryBot_forRegistration_bindsTheThreeRequiredEvents() {
    HandlerBindings bindings = register(URL, Map.of(), BotType.BOT, false);

    assertThat(bindings.asMap()).containsOnlyKeys(MESSAGE_ADD, WELCOME_MESSAGE, BOT_DELETE);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "http://localhost/x, HANDLER_URL_INVALID",
    "ftp://bot.example.com, HANDLER_PROTOCOL_UNSUPPORTED"
  })
  void givenInvalidEventHandler_forRegistration_rejectsAsMessageAddsError(
      String eventHandler, HandlerRejectionReason reason) {
    HandlerRejection rejection = registrationRejection(eventHandler, TestBots.allHandlers(URL));

    assertThat(rejection.reason()).isEqualTo(reason);
    assertThat(rejection.event()).isEqualTo(MESSAGE_ADD);
    assertThat(rejection.error().code()).isEqualTo("EVENT_MESSAGE_ADD_ERROR");
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"", "  "})
  void givenBlankEventHandler_forRegistration_usesTheIndividualHandlers(String blank) {
    HandlerBindings bindings =
        register(blank, TestBots.requiredHandlers(OTHER_URL), BotType.BOT, false);

    assertThat(bindings.handlerFor(MESSAGE_ADD)).contains(HandlerUrl.of(OTHER_URL));
  }

  @Test
  void givenBlankEventHandlerAndNothingElse_forRegistration_rejectsMessageAddAsNotSpecified() {
    HandlerRejection rejection = registrationRejection(" ", Map.of());

    assertThat(rejection.reason()).isEqualTo(HandlerRejectionReason.HANDLER_NOT_SPECIFIED);
    assertThat(rejection.event()).isEqualTo(MESSAGE_ADD);
  }

  // --- forRegistration: message update/delete kept only for S, O and Open Lines ---

  @ParameterizedTest(name = "TYPE {0}, openLines {1} -> update/delete bound: {2}")
  @CsvSource({
    "BOT, false, false",
    "HUMAN, false, false",
    "SUPERVISOR, false, true",
    "OPEN_LINES, true, true",
    "BOT, true, true",
    "HUMAN, true, true",
    "SUPERVISOR, true, true"
  })
  void givenMessageUpdateAndDeleteHandlers_forRegistration_bindsThemOnlyForSupervisorOrOpenLines(
      BotType type, boolean openLines, boolean bound) {
    Map<BotEvent, String> handlers = TestBots.requiredHandlers(URL);
    handlers.put(MESSAGE_UPDATE, OTHER_URL);
    handlers.put(MESSAGE_DELETE, OTHER_URL);

    HandlerBindings bindings = register(null, handlers, type, openLines);

    assertThat(bindings.handlerFor(MESSAGE_UPDATE).isPresent()).isEqualTo(bound);
    assertThat(bindings.handlerFor(MESSAGE_DELETE).isPresent()).isEqualTo(bound);
    assertThat(bindings.asMap()).containsKeys(MESSAGE_ADD, WELCOME_MESSAGE, BOT_DELETE);
  }

  @ParameterizedTest(name = "TYPE {0}, openLines {1}, via EVENT_HANDLER -> bound: {2}")
  @CsvSource({
    "BOT, false, false",
    "HUMAN, false, false",
    "SUPERVISOR, false, true",
    "OPEN_LINES, true, true",
    "BOT, true, true"
  })
  void givenEventHandler_forRegistration_fansOutToUpdateAndDeleteOnlyForSupervisorOrOpenLines(
      BotType type, boolean openLines, boolean bound) {
    HandlerBindings bindings = register(URL, Map.of(), type, openLines);

    assertThat(bindings.asMap()).hasSize(bound ? 5 : 3);
  }

  @ParameterizedTest(name = "TYPE {0}, openLines {1}")
  @CsvSource({"BOT, false", "HUMAN, false", "SUPERVISOR, false", "OPEN_LINES, true"})
  void givenInvalidMessageUpdate_forRegistration_rejectsItForEveryType(
      BotType type, boolean openLines) {
    Map<BotEvent, String> handlers = TestBots.requiredHandlers(URL);
    handlers.put(MESSAGE_UPDATE, WRONG_URL);

    HandlerRejection rejection = rejectionOf(() -> register(null, handlers, type, openLines));

    assertThat(rejection.reason()).isEqualTo(HandlerRejectionReason.HANDLER_URL_INVALID);
    assertThat(rejection.event()).isEqualTo(MESSAGE_UPDATE);
  }

  @ParameterizedTest(name = "TYPE {0}, openLines {1}")
  @CsvSource({"BOT, false", "HUMAN, false", "SUPERVISOR, false", "OPEN_LINES, true"})
  void givenInvalidMessageDelete_forRegistration_rejectsItForEveryType(
      BotType type, boolean openLines) {
    Map<BotEvent, String> handlers = TestBots.requiredHandlers(URL);
    handlers.put(MESSAGE_DELETE, FTP_URL);

    HandlerRejection rejection = rejectionOf(() -> register(null, handlers, type, openLines));

    assertThat(rejection.reason()).isEqualTo(HandlerRejectionReason.HANDLER_PROTOCOL_UNSUPPORTED);
    assertThat(rejection.event()).isEqualTo(MESSAGE_DELETE);
  }

  @Test
  void givenBlankMessageUpdate_forRegistration_neitherChecksNorBindsIt() {
    Map<BotEvent, String> handlers = TestBots.requiredHandlers(URL);
    handlers.put(MESSAGE_UPDATE, "  ");

    HandlerBindings bindings = register(null, handlers, BotType.SUPERVISOR, false);

    assertThat(bindings.handlerFor(MESSAGE_UPDATE)).isEmpty();
  }

  @Test
  void givenHandlerWithWhitespace_forRegistration_bindsItTrimmed() {
    Map<BotEvent, String> handlers = TestBots.requiredHandlers(" " + URL + " ");

    HandlerBindings bindings = register(null, handlers, BotType.BOT, false);

    assertThat(bindings.handlerFor(BOT_DELETE)).contains(HandlerUrl.of(URL));
  }

  // --- forUpdate ---

  @ParameterizedTest
  @EnumSource(BotEvent.class)
  void givenOneHandler_forUpdate_bindsJustThatEvent(BotEvent event) {
    HandlerBindings bindings = HandlerBindings.forUpdate(null, handlers(event, URL));

    assertThat(bindings.asMap()).containsOnlyKeys(event);
    assertThat(bindings.handlerFor(event)).contains(HandlerUrl.of(URL));
  }

  @Test
  void givenNoHandler_forUpdate_requiresNothingAndBindsNothing() {
    HandlerBindings bindings = HandlerBindings.forUpdate(null, Map.of());

    assertThat(bindings.isEmpty()).isTrue();
    assertThat(bindings).isEqualTo(HandlerBindings.none());
  }

  @Test
  void givenBlankHandlers_forUpdate_treatsThemAsNotGiven() {
    HandlerBindings bindings =
        HandlerBindings.forUpdate(" ", handlers(MESSAGE_ADD, "", MESSAGE_UPDATE, "  "));

    assertThat(bindings.isEmpty()).isTrue();
  }

  @Test
  void givenEventHandler_forUpdate_bindsAllFiveEventsOverridingIndividualOnes() {
    HandlerBindings bindings =
        HandlerBindings.forUpdate(URL, handlers(MESSAGE_UPDATE, OTHER_URL, BOT_DELETE, WRONG_URL));

    assertThat(bindings.asMap())
        .containsOnlyKeys(BotEvent.values())
        .allSatisfy((event, url) -> assertThat(url).isEqualTo(HandlerUrl.of(URL)));
  }

  @Test
  void givenInvalidEventHandler_forUpdate_rejectsAsMessageAddsError() {
    HandlerRejection rejection = rejectionOf(() -> HandlerBindings.forUpdate(FTP_URL, Map.of()));

    assertThat(rejection.reason()).isEqualTo(HandlerRejectionReason.HANDLER_PROTOCOL_UNSUPPORTED);
    assertThat(rejection.event()).isEqualTo(MESSAGE_ADD);
  }

  @ParameterizedTest(name = "{0} before {1}")
  @MethodSource("pairsOfEventsInCheckOrder")
  void givenTwoInvalidHandlers_forUpdate_rejectsTheEarlierInCheckOrder(
      BotEvent earlier, BotEvent later) {
    HandlerRejection rejection =
        rejectionOf(
            () -> HandlerBindings.forUpdate(null, handlers(later, FTP_URL, earlier, WRONG_URL)));

    assertThat(rejection.event()).isEqualTo(earlier);
    assertThat(rejection.reason()).isEqualTo(HandlerRejectionReason.HANDLER_URL_INVALID);
  }

  // --- rebind: last write wins per event ---

  @Test
  void givenOlderAndNewerBindings_rebind_replacesEventByEventAndKeepsTheRest() {
    HandlerBindings older =
        HandlerBindings.of(
            Map.of(
                MESSAGE_ADD, HandlerUrl.of("https://a.example.com/add"),
                WELCOME_MESSAGE, HandlerUrl.of("https://a.example.com/welcome"),
                BOT_DELETE, HandlerUrl.of("https://a.example.com/delete")));
    HandlerBindings newer =
        HandlerBindings.of(
            Map.of(
                MESSAGE_ADD, HandlerUrl.of("https://b.example.com/add"),
                MESSAGE_UPDATE, HandlerUrl.of("https://b.example.com/update")));

    HandlerBindings merged = older.rebind(newer);

    assertThat(merged.asMap())
        .containsExactly(
            Map.entry(MESSAGE_ADD, HandlerUrl.of("https://b.example.com/add")),
            Map.entry(MESSAGE_UPDATE, HandlerUrl.of("https://b.example.com/update")),
            Map.entry(WELCOME_MESSAGE, HandlerUrl.of("https://a.example.com/welcome")),
            Map.entry(BOT_DELETE, HandlerUrl.of("https://a.example.com/delete")));
    assertThat(older.handlerFor(MESSAGE_ADD)).contains(HandlerUrl.of("https://a.example.com/add"));
  }

  @Test
  void givenNothingNewer_rebind_keepsEverything() {
    HandlerBindings bindings = HandlerBindings.forUpdate(URL, Map.of());

    assertThat(bindings.rebind(HandlerBindings.none())).isEqualTo(bindings);
    assertThat(HandlerBindings.none().rebind(bindings)).isEqualTo(bindings);
  }

  @Test
  void givenBindingsInAnyOrder_asMap_listsThemInEventOrderAndIsUnmodifiable() {
    HandlerBindings bindings =
        HandlerBindings.of(
            Map.of(
                BOT_DELETE, HandlerUrl.of(URL),
                MESSAGE_ADD, HandlerUrl.of(URL),
                WELCOME_MESSAGE, HandlerUrl.of(URL)));

    assertThat(bindings.asMap().keySet()).containsExactly(MESSAGE_ADD, WELCOME_MESSAGE, BOT_DELETE);
    assertThatThrownBy(() -> bindings.asMap().put(MESSAGE_UPDATE, HandlerUrl.of(URL)))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void givenWebhookKeyedApplication_boundFor_appendsItsClientIdToEveryHandler() {
    HandlerBindings given =
        HandlerBindings.forUpdate(
            null,
            handlers(MESSAGE_ADD, URL, BOT_DELETE, URL + "?a=1", WELCOME_MESSAGE, URL + "?b#top"));

    HandlerBindings bound = given.boundFor(ApplicationKey.fromClientId("my app"));

    assertThat(bound.asMap())
        .containsEntry(MESSAGE_ADD, HandlerUrl.of(URL + "?CLIENT_ID=my+app"))
        .containsEntry(BOT_DELETE, HandlerUrl.of(URL + "?a=1&CLIENT_ID=my+app"))
        .containsEntry(WELCOME_MESSAGE, HandlerUrl.of(URL + "?b&CLIENT_ID=my+app#top"));
  }

  @Test
  void givenLocalApplication_boundFor_keepsTheHandlersAsGiven() {
    HandlerBindings given = HandlerBindings.forUpdate(URL, Map.of());

    assertThat(given.boundFor(ApplicationKey.of("local.0123456789abcd.12345678"))).isEqualTo(given);
  }

  @Test
  void givenAHandlerTheClientIdMakesTooLong_boundFor_refusesItWithTheEventsError() {
    String longest = URL + "?q=" + "x".repeat(HandlerUrl.MAX_LENGTH - URL.length() - 3);
    HandlerBindings given = HandlerBindings.forUpdate(null, handlers(MESSAGE_ADD, longest));

    HandlerRejection rejection =
        rejectionOf(() -> given.boundFor(ApplicationKey.fromClientId("app")));

    assertThat(rejection.reason()).isEqualTo(HandlerRejectionReason.HANDLER_URL_INVALID);
    assertThat(rejection.event()).isEqualTo(MESSAGE_ADD);
  }
}
