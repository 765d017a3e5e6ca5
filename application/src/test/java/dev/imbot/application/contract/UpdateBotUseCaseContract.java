package dev.imbot.application.contract;

import static dev.imbot.application.contract.TestCommands.minimal;
import static dev.imbot.application.contract.TestCommands.seed;
import static dev.imbot.application.contract.TestCommands.update;
import static org.assertj.core.api.Assertions.assertThat;

import dev.imbot.application.contract.Faults.Call;
import dev.imbot.application.port.in.bot.RegisteredBot;
import dev.imbot.application.port.in.bot.RegisteredBot.Outcome;
import dev.imbot.application.port.in.bot.UpdatedBot;
import dev.imbot.application.port.out.WriteConflictException;
import dev.imbot.application.service.bot.UpdateBotService;
import dev.imbot.domain.bot.Bot;
import dev.imbot.domain.bot.BotCode;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.bot.BotProfile;
import dev.imbot.domain.bot.BotRejectionReason;
import dev.imbot.domain.bot.Color;
import dev.imbot.domain.event.BotEvent;
import dev.imbot.domain.event.HandlerBindings;
import dev.imbot.domain.event.HandlerUrl;
import dev.imbot.domain.portal.Email;
import dev.imbot.domain.rejection.InvalidField;
import dev.imbot.domain.rejection.RejectedException;
import dev.imbot.domain.rejection.RequestRejectionReason;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Contract of {@code imbot.update} over any adapter's ports. */
public abstract class UpdateBotUseCaseContract extends PortalContract {

  private UpdatedBot apply(TestCommands.Update command) {
    return portal.updateUseCase().update(command.build());
  }

  /** Runs a rejected update and checks that neither bots nor handlers changed. */
  private RejectedException rejectedWithoutChanges(TestCommands.Update command) {
    List<Bot> bots = portal.storedBots();
    HandlerBindings ours = portal.handlers().bindingsOf(APP);
    HandlerBindings theirs = portal.handlers().bindingsOf(OTHER_APP);
    RejectedException rejected = rejection(() -> apply(command));
    assertThat(portal.storedBots()).isEqualTo(bots);
    assertThat(portal.handlers().bindingsOf(APP)).isEqualTo(ours);
    assertThat(portal.handlers().bindingsOf(OTHER_APP)).isEqualTo(theirs);
    return rejected;
  }

  // --- the bot and its owner ---

  @Test
  void givenUnknownBot_update_failsWithBotNotFound() {
    BotId id = registerMinimal(APP, "newbot");

    RejectedException rejected =
        rejectedWithoutChanges(update(APP, BotId.of(id.value() + 1000)).property("NAME", "X"));

    assertThat(bitrixError(rejected)).isEqualTo(badRequest("BOT_ID_ERROR", "Bot not found"));
  }

  @Test
  void givenAnotherApplicationsBot_update_failsWithAppIdErrorAndChangesNothing() {
    BotId theirs = register(seed(OTHER_APP)).botId();
    registerMinimal(APP, "mine");

    RejectedException rejected =
        rejectedWithoutChanges(
            update(APP, theirs)
                .property("NAME", "Stolen")
                .code("stolen")
                .eventHandler("https://thief.example.com/all"));

    assertThat(rejected.reason()).isEqualTo(BotRejectionReason.BOT_OF_ANOTHER_APPLICATION);
    assertThat(bitrixError(rejected))
        .isEqualTo(badRequest("APP_ID_ERROR", "Bot was installed by another rest application"));
  }

  // --- FIELDS empty ---

  @Test
  void givenNoFields_update_failsWithFieldsEmpty() {
    BotId id = register(seed(APP)).botId();

    RejectedException rejected = rejectedWithoutChanges(update(APP, id));

    assertThat(rejected.reason()).isEqualTo(BotRejectionReason.UPDATE_FIELDS_EMPTY);
    assertThat(bitrixError(rejected))
        .isEqualTo(badRequest("WRONG_REQUEST", "Update fields can't be empty"));
  }

  @Test
  void givenEmptyProperties_update_failsWithFieldsEmpty() {
    BotId id = register(seed(APP)).botId();

    RejectedException rejected = rejectedWithoutChanges(update(APP, id).properties(Map.of()));

    assertThat(rejected.reason()).isEqualTo(BotRejectionReason.UPDATE_FIELDS_EMPTY);
  }

  @Test
  void givenOnlyUnknownPropertyKeys_update_failsWithFieldsEmpty() {
    BotId id = register(seed(APP)).botId();

    RejectedException rejected =
        rejectedWithoutChanges(
            update(APP, id)
                .property("NICKNAME", "bot")
                .property("TYPE", "S")
                .property("name", "x"));

    assertThat(rejected.reason()).isEqualTo(BotRejectionReason.UPDATE_FIELDS_EMPTY);
  }

  @Test
  void givenOnlyBlankCodeAndHandlers_update_failsWithFieldsEmpty() {
    BotId id = register(seed(APP)).botId();

    RejectedException rejected =
        rejectedWithoutChanges(
            update(APP, id)
                .code(" ")
                .eventHandler("")
                .handler(BotEvent.MESSAGE_ADD, "")
                .handler(BotEvent.BOT_DELETE, "  "));

    assertThat(rejected.reason()).isEqualTo(BotRejectionReason.UPDATE_FIELDS_EMPTY);
  }

  // --- profile merge ---

  @Test
  void givenSomeProfileFields_update_replacesSentAndKeepsUnsent() {
    BotId id = register(seed(APP)).botId();
    BotProfile before = storedBot(id).profile();

    UpdatedBot result =
        apply(update(APP, id).property("WORK_POSITION", "Главный бот").property("COLOR", "red"));

    BotProfile expected =
        new BotProfile(
            before.name(),
            before.lastName(),
            Color.RED,
            before.email(),
            before.birthday(),
            "Главный бот",
            before.personalWww(),
            before.gender(),
            before.avatar());
    assertThat(storedBot(id).profile()).isEqualTo(expected);
    assertThat(result.bot()).isEqualTo(storedBot(id));
  }

  @Test
  void givenBlankName_update_ignoresNameAndAppliesLastName() {
    BotId id = register(seed(APP)).botId();

    apply(update(APP, id).property("NAME", "  ").property("LAST_NAME", "Smith"));

    BotProfile profile = storedBot(id).profile();
    assertThat(profile.name()).isEqualTo("NewBot");
    assertThat(profile.lastName()).isEqualTo("Smith");
  }

  @Test
  void givenBlankColor_update_clearsColor() {
    BotId id = register(seed(APP)).botId();

    apply(update(APP, id).property("COLOR", ""));

    assertThat(storedBot(id).profile().color()).isNull();
    assertThat(storedBot(id).profile().name()).isEqualTo("NewBot");
  }

  @Test
  void givenBlankNameAndLastName_update_failsWithNameError() {
    BotId id = register(seed(APP)).botId();

    RejectedException rejected =
        rejectedWithoutChanges(update(APP, id).property("NAME", "").property("LAST_NAME", " "));

    assertThat(bitrixError(rejected))
        .isEqualTo(badRequest("NAME_ERROR", "Bot name isn't specified"));
  }

  @Test
  void givenInvalidColor_update_failsNamingFieldsPropertiesColor() {
    BotId id = register(seed(APP)).botId();

    RejectedException rejected =
        rejectedWithoutChanges(update(APP, id).property("COLOR", "ORANGE"));

    assertThat(rejected.reason()).isEqualTo(RequestRejectionReason.FIELD_INVALID);
    assertThat(((InvalidField) rejected.rejection()).field())
        .isEqualTo("FIELDS[PROPERTIES][COLOR]");
    assertThat(bitrixError(rejected).code()).isEqualTo("WRONG_REQUEST");
    assertThat(bitrixError(rejected).description())
        .startsWith("FIELDS[PROPERTIES][COLOR] must be one of RED, GREEN");
  }

  // --- code ---

  @Test
  void givenFreeCode_update_changesCodeAndFreesOldCode() {
    BotId id = registerMinimal(APP, "newbot");

    apply(update(APP, id).code("renamed"));
    RegisteredBot again = register(minimal(APP, "newbot"));

    assertThat(storedBot(id).code()).isEqualTo(BotCode.of("renamed"));
    assertThat(again.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(again.botId()).isNotEqualTo(id);
  }

  @Test
  void givenCodeOfAnotherBot_update_failsWithCodeInUse() {
    BotId first = registerMinimal(APP, "first");
    registerMinimal(APP, "second");

    RejectedException rejected = rejectedWithoutChanges(update(APP, first).code("second"));

    assertThat(rejected.reason()).isEqualTo(BotRejectionReason.UPDATE_CODE_IN_USE);
    assertThat(bitrixError(rejected))
        .isEqualTo(badRequest("WRONG_REQUEST", "Bot can't be updated: code is already in use"));
  }

  @Test
  void givenOwnCode_update_succeeds() {
    BotId id = registerMinimal(APP, "newbot");

    UpdatedBot result = apply(update(APP, id).code("newbot").property("NAME", "Same code"));

    assertThat(result.bot().code()).isEqualTo(BotCode.of("newbot"));
    assertThat(storedBot(id).profile().name()).isEqualTo("Same code");
  }

  @Test
  void givenCodeOfAnotherApplicationsBot_update_changesCode() {
    registerMinimal(OTHER_APP, "taken");
    BotId id = registerMinimal(APP, "newbot");

    apply(update(APP, id).code("taken"));

    assertThat(storedBot(id).code()).isEqualTo(BotCode.of("taken"));
  }

  // --- e-mail ---

  @Test
  void givenEmailOfPersonInOtherCase_update_failsWithEmailInUse() {
    portal.addPerson(Email.of("Person@Example.com"));
    BotId id = register(seed(APP)).botId();

    RejectedException rejected =
        rejectedWithoutChanges(update(APP, id).property("EMAIL", "person@example.COM"));

    assertThat(rejected.reason()).isEqualTo(BotRejectionReason.UPDATE_EMAIL_IN_USE);
    assertThat(bitrixError(rejected))
        .isEqualTo(badRequest("WRONG_REQUEST", "Bot can't be updated: e-mail is already in use"));
  }

  @Test
  void givenEmailOfAnotherBot_update_failsWithEmailInUse() {
    register(seed(OTHER_APP));
    BotId id = registerMinimal(APP, "newbot");

    RejectedException rejected =
        rejectedWithoutChanges(update(APP, id).property("EMAIL", "TEST@test.ru"));

    assertThat(rejected.reason()).isEqualTo(BotRejectionReason.UPDATE_EMAIL_IN_USE);
  }

  @Test
  void givenOwnEmailInOtherCase_update_succeeds() {
    BotId id = register(seed(APP)).botId();

    apply(update(APP, id).property("EMAIL", "TEST@test.ru"));

    assertThat(storedBot(id).profile().email()).isEqualTo(Email.of("TEST@test.ru"));
  }

  // --- handlers ---

  @Test
  void givenOrdinaryBot_updateMessageUpdateAndDeleteHandlers_bindsThem() {
    BotId id = registerMinimal(APP, "newbot");
    HandlerBindings before = portal.handlers().bindingsOf(APP);
    assertThat(before.handlerFor(BotEvent.MESSAGE_UPDATE)).isEmpty();

    apply(
        update(APP, id)
            .handler(BotEvent.MESSAGE_UPDATE, "https://bot.example.com/update")
            .handler(BotEvent.MESSAGE_DELETE, "https://bot.example.com/delete-msg"));

    assertThat(portal.handlers().bindingsOf(APP).asMap())
        .containsAllEntriesOf(before.asMap())
        .containsEntry(BotEvent.MESSAGE_UPDATE, HandlerUrl.of("https://bot.example.com/update"))
        .containsEntry(BotEvent.MESSAGE_DELETE, HandlerUrl.of("https://bot.example.com/delete-msg"))
        .hasSize(5);
  }

  @Test
  void givenEventHandler_update_rebindsAllFiveForTheApplication() {
    registerMinimal(APP, "first");
    BotId second = registerMinimal(APP, "second");

    apply(update(APP, second).eventHandler("https://all.example.com/events"));

    assertThat(portal.handlers().bindingsOf(APP).asMap())
        .hasSize(5)
        .allSatisfy(
            (event, url) ->
                assertThat(url).isEqualTo(HandlerUrl.of("https://all.example.com/events")));
  }

  @Test
  void givenInvalidHandler_update_failsWithEventErrorAndChangesNothing() {
    BotId id = register(seed(APP)).botId();

    RejectedException rejected =
        rejectedWithoutChanges(
            update(APP, id)
                .property("NAME", "Changed")
                .code("changed")
                .handler(BotEvent.MESSAGE_ADD, "https://ok.example.com/add")
                .handler(BotEvent.MESSAGE_DELETE, "https://localhost/delete"));

    assertThat(bitrixError(rejected))
        .isEqualTo(badRequest("EVENT_MESSAGE_DELETE_ERROR", "Wrong handler URL"));
  }

  // --- type and Open Lines never change ---

  @ParameterizedTest(name = "TYPE={0} OPENLINE={1}, update sends TYPE={2} OPENLINE={3}")
  @CsvSource({"B, N, S, Y", "O, N, B, N", "S, Y, H, N", "H, N, O, Y"})
  void givenAnyBot_updateEverythingUpdatable_keepsTypeAndOpenLines(
      String type, String openLine, String sentType, String sentOpenLine) {
    BotId id = register(minimal(APP, "newbot").type(type).openLine(openLine)).botId();
    Bot before = storedBot(id);

    apply(
        update(APP, id)
            .code("renamed")
            .eventHandler("https://all.example.com/events")
            .property("NAME", "Renamed")
            .property("TYPE", sentType)
            .property("OPENLINE", sentOpenLine));

    Bot after = storedBot(id);
    assertThat(after.type()).isEqualTo(before.type());
    assertThat(after.openLines()).isEqualTo(before.openLines());
    assertThat(after.registeredAt()).isEqualTo(before.registeredAt());
    assertThat(after.application()).isEqualTo(APP);
  }

  // --- order of errors ---

  @Test
  void givenUnknownBotAndNoFields_update_failsWithBotNotFound() {
    RejectedException rejected = rejection(() -> apply(update(APP, BotId.of(987_654))));

    assertThat(rejected.reason()).isEqualTo(BotRejectionReason.BOT_NOT_FOUND);
  }

  @Test
  void givenAnotherApplicationsBotAndNoFields_update_failsWithAppIdError() {
    BotId theirs = registerMinimal(OTHER_APP, "newbot");

    RejectedException rejected = rejection(() -> apply(update(APP, theirs)));

    assertThat(rejected.reason()).isEqualTo(BotRejectionReason.BOT_OF_ANOTHER_APPLICATION);
  }

  @Test
  void givenOnlyBlankHandler_update_failsWithFieldsEmptyNotHandlerError() {
    BotId id = registerMinimal(APP, "newbot");

    RejectedException rejected =
        rejection(() -> apply(update(APP, id).handler(BotEvent.WELCOME_MESSAGE, " ")));

    assertThat(rejected.reason()).isEqualTo(BotRejectionReason.UPDATE_FIELDS_EMPTY);
  }

  @Test
  void givenInvalidHandlerAndBlankNames_update_failsWithHandlerError() {
    BotId id = registerMinimal(APP, "newbot");

    RejectedException rejected =
        rejection(
            () ->
                apply(
                    update(APP, id)
                        .handler(BotEvent.WELCOME_MESSAGE, "mailto:bot@example.com")
                        .property("NAME", "")
                        .property("LAST_NAME", "")));

    assertThat(bitrixError(rejected))
        .isEqualTo(badRequest("EVENT_WELCOME_MESSAGE_ERROR", "Unsupported handler protocol"));
  }

  @Test
  void givenBlankNamesAndInvalidColor_update_failsWithNameError() {
    BotId id = registerMinimal(APP, "newbot");

    RejectedException rejected =
        rejection(
            () ->
                apply(
                    update(APP, id)
                        .property("NAME", "")
                        .property("LAST_NAME", "")
                        .property("COLOR", "ORANGE")));

    assertThat(rejected.reason()).isEqualTo(BotRejectionReason.NAME_NOT_SPECIFIED);
  }

  @Test
  void givenInvalidColorAndCodeInUse_update_failsWithFieldError() {
    BotId first = registerMinimal(APP, "first");
    registerMinimal(APP, "second");

    RejectedException rejected =
        rejection(() -> apply(update(APP, first).code("second").property("COLOR", "ORANGE")));

    assertThat(rejected.reason()).isEqualTo(RequestRejectionReason.FIELD_INVALID);
  }

  // --- anything else ---

  @Test
  void givenWriteConflictOnEveryAttempt_update_failsWithUpdateFailedAndChangesNothing() {
    BotId id = register(seed(APP)).botId();
    Faults faults =
        new Faults().failAlways(Call.HANDLERS_REPLACE, () -> new WriteConflictException("", null));
    UpdateBotService faulty =
        new UpdateBotService(
            new FaultyBots(portal.bots(), faults),
            new FaultyApplicationHandlers(portal.handlers(), faults),
            portal.users(),
            portal.unitOfWork());
    List<Bot> before = portal.storedBots();
    HandlerBindings bindingsBefore = portal.handlers().bindingsOf(APP);

    RejectedException rejected =
        rejection(
            () ->
                faulty.update(
                    update(APP, id)
                        .property("NAME", "Changed")
                        .eventHandler("https://v2.example.com/all")
                        .build()));

    assertThat(rejected.reason()).isEqualTo(BotRejectionReason.UPDATE_FAILED);
    assertThat(bitrixError(rejected))
        .isEqualTo(badRequest("WRONG_REQUEST", "Bot can't be updated"));
    assertThat(faults.calls()).containsSubsequence(Call.BOTS_SAVE, Call.HANDLERS_REPLACE);
    assertThat(portal.storedBots()).isEqualTo(before);
    assertThat(portal.handlers().bindingsOf(APP)).isEqualTo(bindingsBefore);
  }
}
