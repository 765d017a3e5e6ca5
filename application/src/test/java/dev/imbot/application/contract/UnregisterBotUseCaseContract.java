package dev.imbot.application.contract;

import static dev.imbot.application.contract.TestCommands.minimal;
import static dev.imbot.application.contract.TestCommands.seed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.imbot.application.contract.Faults.Call;
import dev.imbot.application.port.in.bot.RegisteredBot;
import dev.imbot.application.port.in.bot.RegisteredBot.Outcome;
import dev.imbot.application.port.in.bot.UnregisterBotCommand;
import dev.imbot.application.port.in.bot.UnregisteredBot;
import dev.imbot.application.port.out.WriteConflictException;
import dev.imbot.application.service.bot.UnregisterBotService;
import dev.imbot.domain.bot.Bot;
import dev.imbot.domain.bot.BotCode;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.bot.BotRejectionReason;
import dev.imbot.domain.event.AuthSubjects;
import dev.imbot.domain.event.BotEvent;
import dev.imbot.domain.event.EventData;
import dev.imbot.domain.event.HandlerBinding;
import dev.imbot.domain.event.HandlerBindings;
import dev.imbot.domain.event.HandlerUrl;
import dev.imbot.domain.event.PendingEvent;
import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.portal.Email;
import dev.imbot.domain.portal.OAuthToken;
import dev.imbot.domain.portal.SecretHash;
import dev.imbot.domain.portal.UserId;
import dev.imbot.domain.rejection.RejectedException;
import org.junit.jupiter.api.Test;

/** Contract of {@code imbot.unregister} over any adapter's ports. */
public abstract class UnregisterBotUseCaseContract extends PortalContract {

  private UnregisteredBot unregister(ApplicationKey application, BotId id) {
    return portal.unregisterUseCase(CLOCK).unregister(new UnregisterBotCommand(application, id));
  }

  @Test
  void givenOwnBot_unregister_deletesBotAndReturnsIdAndCode() {
    BotId id = register(seed(APP)).botId();

    UnregisteredBot result = unregister(APP, id);

    assertThat(result).isEqualTo(new UnregisteredBot(id, BotCode.of("newbot")));
    assertThat(portal.bots().findById(id)).isEmpty();
    assertThat(portal.storedBots()).isEmpty();
  }

  @Test
  void givenTokensIssuedToTheBotAndToAPerson_unregister_deletesTheBotsTokensOnly() {
    BotId id = register(seed(APP)).botId();
    BotId other = registerMinimal(APP, "other");
    OAuthToken botToken = token("bot", APP, id.userId());
    OAuthToken otherBotToken = token("other-bot", APP, other.userId());
    OAuthToken personToken = token("person", APP, UserId.of(1));
    inUnitOfWork(
        () -> {
          portal.tokens().save(botToken);
          portal.tokens().save(otherBotToken);
          portal.tokens().save(personToken);
        });

    unregister(APP, id);

    assertThat(portal.tokens().find(botToken.hash())).isEmpty();
    assertThat(portal.tokens().find(otherBotToken.hash())).contains(otherBotToken);
    assertThat(portal.tokens().find(personToken.hash())).contains(personToken);
  }

  private static OAuthToken token(String secret, ApplicationKey application, UserId user) {
    return new OAuthToken(
        SecretHash.of(secret), OAuthToken.Kind.ACCESS, application, user, NOW.plusSeconds(3600));
  }

  @Test
  void givenUnregisteredBot_registerSameCode_createsBotWithNewId() {
    BotId old = register(seed(APP)).botId();
    unregister(APP, old);

    RegisteredBot again = register(seed(APP));

    assertThat(again.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(again.botId()).isNotEqualTo(old);
  }

  @Test
  void givenUnknownId_unregister_failsWithBotNotFound() {
    BotId id = registerMinimal(APP, "newbot");
    BotId unknown = BotId.of(id.value() + 1000);

    RejectedException rejected = rejection(() -> unregister(APP, unknown));

    assertThat(rejected.reason()).isEqualTo(BotRejectionReason.BOT_NOT_FOUND);
    assertThat(bitrixError(rejected)).isEqualTo(badRequest("BOT_ID_ERROR", "Bot not found"));
    assertThat(portal.storedBots()).extracting(Bot::id).containsExactly(id);
  }

  @Test
  void givenPersonsUserId_unregister_failsWithBotNotFound() {
    long person = portal.addPerson(Email.of("person@example.com"));

    RejectedException rejected = rejection(() -> unregister(APP, BotId.of(person)));

    assertThat(rejected.reason()).isEqualTo(BotRejectionReason.BOT_NOT_FOUND);
  }

  @Test
  void givenAlreadyUnregisteredBot_unregisterAgain_failsWithBotNotFound() {
    BotId id = registerMinimal(APP, "newbot");
    unregister(APP, id);

    RejectedException rejected = rejection(() -> unregister(APP, id));

    assertThat(rejected.reason()).isEqualTo(BotRejectionReason.BOT_NOT_FOUND);
    assertThat(portal.enqueuedEvents()).hasSize(1);
  }

  @Test
  void givenAnotherApplicationsBot_unregister_failsWithAppIdErrorAndChangesNothing() {
    BotId theirs = register(seed(OTHER_APP)).botId();
    registerMinimal(APP, "mine");
    Bot before = storedBot(theirs);
    HandlerBindings theirBindings = portal.handlers().bindingsOf(OTHER_APP);
    HandlerBindings ourBindings = portal.handlers().bindingsOf(APP);

    RejectedException rejected = rejection(() -> unregister(APP, theirs));

    assertThat(rejected.reason()).isEqualTo(BotRejectionReason.BOT_OF_ANOTHER_APPLICATION);
    assertThat(bitrixError(rejected))
        .isEqualTo(badRequest("APP_ID_ERROR", "Bot was installed by another rest application"));
    assertThat(storedBot(theirs)).isEqualTo(before);
    assertThat(portal.storedBots()).hasSize(2);
    assertThat(portal.handlers().bindingsOf(OTHER_APP)).isEqualTo(theirBindings);
    assertThat(portal.handlers().bindingsOf(APP)).isEqualTo(ourBindings);
    assertThat(portal.enqueuedEvents()).isEmpty();
  }

  // --- ONIMBOTDELETE ---

  @Test
  void givenBoundBotDeleteHandler_unregister_enqueuesOnimbotdeleteWithIdAndCodeForTheBinding() {
    BotId id =
        register(
                minimal(APP, "newbot")
                    .handler(BotEvent.BOT_DELETE, "https://bot.example.com/on-delete"))
            .botId();
    HandlerBinding binding = portal.handlers().bindingFor(APP, BotEvent.BOT_DELETE).orElseThrow();

    unregister(APP, id);

    assertThat(portal.enqueuedEvents())
        .containsExactly(
            new PendingEvent(
                APP,
                "ONIMBOTDELETE",
                binding.id(),
                HandlerUrl.of("https://bot.example.com/on-delete"),
                EventData.builder().put("BOT_ID", id.value()).put("BOT_CODE", "newbot").build(),
                AuthSubjects.none(),
                NOW));
  }

  @Test
  void givenBotDeleteHandlerRebound_unregisterFirstBot_notifiesTheApplicationsCurrentHandler() {
    BotId first = registerMinimal(APP, "first");
    register(minimal(APP, "second").handler(BotEvent.BOT_DELETE, "https://v2.example.com/gone"));

    unregister(APP, first);

    assertThat(portal.enqueuedEvents())
        .extracting(PendingEvent::handler, PendingEvent::data)
        .containsExactly(
            tuple(
                HandlerUrl.of("https://v2.example.com/gone"),
                EventData.builder().put("BOT_ID", first.value()).put("BOT_CODE", "first").build()));
  }

  // --- handler bindings go with the last bot ---

  @Test
  void givenLastBot_unregister_removesHandlerBindings() {
    BotId id = register(seed(APP)).botId();

    unregister(APP, id);

    assertThat(portal.handlers().bindingsOf(APP)).isEqualTo(HandlerBindings.none());
  }

  @Test
  void givenOtherBotsLeft_unregister_keepsHandlerBindings() {
    BotId first = registerMinimal(APP, "first");
    registerMinimal(APP, "second");
    HandlerBindings before = portal.handlers().bindingsOf(APP);

    unregister(APP, first);

    assertThat(portal.handlers().bindingsOf(APP)).isEqualTo(before);
    assertThat(before.isEmpty()).isFalse();
  }

  @Test
  void givenLastBotOfOneApplication_unregister_keepsOtherApplicationsBindings() {
    BotId ours = registerMinimal(APP, "newbot");
    registerMinimal(OTHER_APP, "newbot");
    HandlerBindings theirs = portal.handlers().bindingsOf(OTHER_APP);

    unregister(APP, ours);

    assertThat(portal.handlers().bindingsOf(OTHER_APP)).isEqualTo(theirs);
    assertThat(portal.storedBots()).hasSize(1);
  }

  // --- the limit ---

  @Test
  void givenAppAtLimit_unregisterOne_freesSlotForNewBot() {
    BotId first = registerMinimal(APP, "bot1");
    for (int i = 2; i <= 5; i++) {
      registerMinimal(APP, "bot" + i);
    }
    assertThat(rejection(() -> register(minimal(APP, "bot6"))).reason())
        .isEqualTo(BotRejectionReason.MAX_COUNT_REACHED);

    unregister(APP, first);
    RegisteredBot sixth = register(minimal(APP, "bot6"));

    assertThat(sixth.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(portal.storedBots()).hasSize(5);
  }

  // --- anything else ---

  @Test
  void givenWriteConflictOnEveryAttempt_unregister_failsWithDeletionFailedAndChangesNothing() {
    BotId id = register(seed(APP)).botId();
    Bot before = storedBot(id);
    HandlerBindings bindingsBefore = portal.handlers().bindingsOf(APP);
    Faults faults =
        new Faults()
            .failAlways(Call.HANDLERS_REMOVE_ALL, () -> new WriteConflictException("", null));
    UnregisterBotService faulty =
        new UnregisterBotService(
            new FaultyBots(portal.bots(), faults),
            new FaultyApplicationHandlers(portal.handlers(), faults),
            portal.tokens(),
            portal.outbox(),
            portal.unitOfWork(),
            CLOCK);

    RejectedException rejected =
        rejection(() -> faulty.unregister(new UnregisterBotCommand(APP, id)));

    assertThat(rejected.reason()).isEqualTo(BotRejectionReason.DELETION_FAILED);
    assertThat(bitrixError(rejected))
        .isEqualTo(badRequest("WRONG_REQUEST", "Bot can't be deleted"));
    assertThat(faults.calls()).containsSubsequence(Call.BOTS_DELETE, Call.HANDLERS_REMOVE_ALL);
    assertThat(storedBot(id)).isEqualTo(before);
    assertThat(portal.handlers().bindingsOf(APP)).isEqualTo(bindingsBefore);
    assertThat(portal.enqueuedEvents()).isEmpty();
  }
}
