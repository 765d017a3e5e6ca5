package dev.imbot.application.contract;

import static dev.imbot.application.contract.TestCommands.SEED_HANDLER;
import static dev.imbot.application.contract.TestCommands.minimal;
import static dev.imbot.application.contract.TestCommands.seed;
import static dev.imbot.application.contract.TestCommands.seedProperties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.imbot.application.contract.Faults.Call;
import dev.imbot.application.port.in.bot.RegisterBotCommand;
import dev.imbot.application.port.in.bot.RegisterBotUseCase;
import dev.imbot.application.port.in.bot.RegisteredBot;
import dev.imbot.application.port.in.bot.RegisteredBot.Outcome;
import dev.imbot.application.port.out.WriteConflictException;
import dev.imbot.application.service.bot.RegisterBotService;
import dev.imbot.domain.bot.Bot;
import dev.imbot.domain.bot.BotCode;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.bot.BotLimitPolicy;
import dev.imbot.domain.bot.BotProfile;
import dev.imbot.domain.bot.BotRejectionReason;
import dev.imbot.domain.bot.BotType;
import dev.imbot.domain.bot.Color;
import dev.imbot.domain.bot.ImageFormat;
import dev.imbot.domain.event.BotEvent;
import dev.imbot.domain.event.HandlerBindings;
import dev.imbot.domain.event.HandlerUrl;
import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.portal.Email;
import dev.imbot.domain.portal.Gender;
import dev.imbot.domain.rejection.InvalidField;
import dev.imbot.domain.rejection.RejectedException;
import dev.imbot.domain.rejection.RequestRejectionReason;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Contract of {@code imbot.register} ({@link RegisterBotUseCase}) over any adapter's ports: the
 * register table's rows that read stored state, the policies, atomicity under injected failures,
 * and the limit and code uniqueness under concurrent requests.
 */
public abstract class RegisterBotUseCaseContract extends PortalContract {
  private static final int THREADS = 50;
  private static final long TIMEOUT_SECONDS = 60;

  /**
   * A second portal over the same storage (for databases: another connection pool), so the
   * concurrency tests run half their requests through another "service instance". Defaults to
   * {@code first}; a different instance is closed after the test that asked for it.
   */
  protected TestPortal secondInstance(TestPortal first) {
    return first;
  }

  // --- the seed's example ---

  @Test
  void givenSeedExample_register_createsBotWithIntegerIdAndWholeProfile() {
    RegisteredBot result = register(seed(APP));

    assertThat(result.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(result.botId().value()).isPositive();
    Bot bot = storedBot(result.botId());
    assertThat(bot.id()).isEqualTo(result.botId());
    assertThat(bot.application()).isEqualTo(APP);
    assertThat(bot.code()).isEqualTo(BotCode.of("newbot"));
    assertThat(bot.type()).isEqualTo(BotType.BOT);
    assertThat(bot.openLines()).isTrue();
    assertThat(bot.registeredAt()).isEqualTo(NOW);
    BotProfile profile = bot.profile();
    assertThat(profile.name()).isEqualTo("NewBot");
    assertThat(profile.lastName()).isNull();
    assertThat(profile.color()).isEqualTo(Color.GREEN);
    assertThat(profile.email()).isEqualTo(Email.of("test@test.ru"));
    assertThat(profile.birthday()).isEqualTo(LocalDate.of(2016, 3, 11));
    assertThat(profile.workPosition()).isEqualTo("Лучший сотрудник");
    assertThat(profile.personalWww()).isEqualTo("http://test.ru");
    assertThat(profile.gender()).isEqualTo(Gender.FEMALE);
    assertThat(profile.avatar()).isNotNull();
    assertThat(profile.avatar().bytes())
        .isEqualTo(Base64.getDecoder().decode(seedProperties().get("PERSONAL_PHOTO")));
    assertThat(profile.avatar().format()).isEqualTo(ImageFormat.PNG);
    assertThat(profile.avatar().width()).isEqualTo(64);
    assertThat(profile.avatar().height()).isEqualTo(64);
  }

  @Test
  void givenSeedExample_register_bindsAllFiveHandlers() {
    register(seed(APP));

    Map<BotEvent, HandlerUrl> expected = new EnumMap<>(BotEvent.class);
    for (BotEvent event : BotEvent.values()) {
      expected.put(event, HandlerUrl.of(SEED_HANDLER));
    }
    assertThat(portal.handlers().bindingsOf(APP).asMap()).isEqualTo(expected);
  }

  // --- bot limit ---

  @Test
  void givenAppWithFiveBots_register_failsWithMaxCountError() {
    registerBots(APP, 5);
    List<Bot> before = portal.storedBots();
    HandlerBindings bindingsBefore = portal.handlers().bindingsOf(APP);

    RejectedException rejected =
        rejection(
            () ->
                register(
                    minimal(APP, "sixth")
                        .handler(BotEvent.MESSAGE_ADD, "https://sixth.example.com/add")));

    assertThat(rejected.reason()).isEqualTo(BotRejectionReason.MAX_COUNT_REACHED);
    assertThat(bitrixError(rejected))
        .isEqualTo(
            badRequest(
                "MAX_COUNT_ERROR",
                "Has reached the maximum number of bots for application (max: 5)"));
    assertThat(portal.storedBots()).isEqualTo(before);
    assertThat(portal.handlers().bindingsOf(APP)).isEqualTo(bindingsBefore);
  }

  @Test
  void givenLimitOfTwo_registerThird_failsWithMaxTwo() {
    RegisterBotUseCase limitedToTwo = portal.registerUseCase(new BotLimitPolicy(2), CLOCK);
    limitedToTwo.register(minimal(APP, "first").build());
    limitedToTwo.register(minimal(APP, "second").build());

    RejectedException rejected =
        rejection(() -> limitedToTwo.register(minimal(APP, "third").build()));

    assertThat(bitrixError(rejected))
        .isEqualTo(
            badRequest(
                "MAX_COUNT_ERROR",
                "Has reached the maximum number of bots for application (max: 2)"));
    assertThat(portal.storedBots()).hasSize(2);
  }

  @Test
  void givenOneAppAtLimit_registerForAnotherApp_createsBot() {
    registerBots(APP, 5);

    RegisteredBot result = register(minimal(OTHER_APP, "bot1"));

    assertThat(result.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(storedBot(result.botId()).application()).isEqualTo(OTHER_APP);
  }

  // --- idempotent re-registration (step 10 before step 11) ---

  @Test
  void givenAppAtLimit_registerExistingCode_returnsExistingId() {
    List<BotId> ids = registerBots(APP, 5);

    RegisteredBot result = register(minimal(APP, "bot3"));

    assertThat(result).isEqualTo(new RegisteredBot(ids.get(2), Outcome.ALREADY_REGISTERED));
    assertThat(portal.storedBots()).hasSize(5);
  }

  @Test
  void givenRegisteredBot_registerSameCodeWithOtherProfile_keepsStoredProfile() {
    BotId id = register(seed(APP)).botId();
    Bot before = storedBot(id);

    RegisteredBot result =
        register(
            seed(APP)
                .type("S")
                .openLine("N")
                .property("NAME", "Renamed")
                .property("COLOR", "RED")
                .property("EMAIL", "other@test.ru")
                .property("PERSONAL_PHOTO", null));

    assertThat(result).isEqualTo(new RegisteredBot(id, Outcome.ALREADY_REGISTERED));
    assertThat(storedBot(id)).isEqualTo(before);
    assertThat(portal.storedBots()).hasSize(1);
  }

  @Test
  void givenRegisteredBot_registerSameCodeWithOtherHandlers_rebindsThem() {
    BotId id = registerMinimal(APP, "newbot");

    RegisteredBot result =
        register(
            minimal(APP, "newbot")
                .handler(BotEvent.MESSAGE_ADD, "https://v2.example.com/add")
                .handler(BotEvent.BOT_DELETE, "https://v2.example.com/delete"));

    assertThat(result).isEqualTo(new RegisteredBot(id, Outcome.ALREADY_REGISTERED));
    assertThat(portal.handlers().bindingsOf(APP).asMap())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                BotEvent.MESSAGE_ADD, HandlerUrl.of("https://v2.example.com/add"),
                BotEvent.WELCOME_MESSAGE, HandlerUrl.of("https://bot.example.com/welcome"),
                BotEvent.BOT_DELETE, HandlerUrl.of("https://v2.example.com/delete")));
  }

  // --- code uniqueness and the users' id space ---

  @Test
  void givenTwoApplications_registerSameCode_createsTwoBots() {
    RegisteredBot first = register(seed(APP).property("EMAIL", null));
    RegisteredBot second = register(seed(OTHER_APP).property("EMAIL", null));

    assertThat(first.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(second.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(first.botId()).isNotEqualTo(second.botId());
    assertThat(storedBot(first.botId()).application()).isEqualTo(APP);
    assertThat(storedBot(second.botId()).application()).isEqualTo(OTHER_APP);
  }

  @Test
  void givenPersonsAddedBeforeAndAfter_register_botIdsNeverEqualPersonIds() {
    Set<Long> personIds = new HashSet<>();
    List<Long> botIds = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      personIds.add(portal.addPerson(Email.of("person" + i + "@example.com")));
      botIds.add(registerMinimal(APP, "bot" + i).value());
    }
    personIds.add(portal.addPerson(Email.of("last@example.com")));

    assertThat(personIds).hasSize(5);
    assertThat(botIds).doesNotHaveDuplicates().doesNotContainAnyElementsOf(personIds);
  }

  // --- e-mail (step 12) ---

  @Test
  void givenEmailOfPersonInOtherCase_register_failsWithEmailInUse() {
    portal.addPerson(Email.of("TEST@test.ru"));

    RejectedException rejected = rejection(() -> register(seed(APP)));

    assertThat(rejected.reason()).isEqualTo(BotRejectionReason.EMAIL_IN_USE);
    assertThat(bitrixError(rejected))
        .isEqualTo(badRequest("WRONG_REQUEST", "Bot can't be created: e-mail is already in use"));
    assertThat(portal.storedBots()).isEmpty();
    assertThat(portal.handlers().bindingsOf(APP)).isEqualTo(HandlerBindings.none());
  }

  @Test
  void givenEmailOfAnotherApplicationsBot_register_failsWithEmailInUse() {
    register(seed(OTHER_APP));

    RejectedException rejected =
        rejection(() -> register(seed(APP).code("another").property("EMAIL", "Test@Test.RU")));

    assertThat(rejected.reason()).isEqualTo(BotRejectionReason.EMAIL_IN_USE);
    assertThat(portal.storedBots()).hasSize(1);
  }

  @Test
  void givenEmailInUse_register_writesNothing() {
    BotId first = registerMinimal(APP, "first");
    portal.addPerson(Email.of("person@example.com"));
    List<Bot> before = portal.storedBots();
    HandlerBindings bindingsBefore = portal.handlers().bindingsOf(APP);

    RejectedException rejected =
        rejection(
            () ->
                register(
                    minimal(APP, "second")
                        .property("EMAIL", "person@example.com")
                        .handler(BotEvent.MESSAGE_ADD, "https://v2.example.com/add")
                        .handler(BotEvent.WELCOME_MESSAGE, "https://v2.example.com/welcome")
                        .handler(BotEvent.BOT_DELETE, "https://v2.example.com/delete")));

    assertThat(rejected.reason()).isEqualTo(BotRejectionReason.EMAIL_IN_USE);
    assertThat(portal.storedBots()).isEqualTo(before).extracting(Bot::id).containsOnly(first);
    assertThat(portal.handlers().bindingsOf(APP)).isEqualTo(bindingsBefore);
    assertThat(portal.enqueuedEvents()).isEmpty();
  }

  @Test
  void givenExistingCode_registerWithEmailOfPerson_returnsExistingId() {
    BotId id = registerMinimal(APP, "newbot");
    portal.addPerson(Email.of("person@example.com"));

    RegisteredBot result = register(minimal(APP, "newbot").property("EMAIL", "person@example.com"));

    assertThat(result).isEqualTo(new RegisteredBot(id, Outcome.ALREADY_REGISTERED));
    assertThat(storedBot(id).profile().email()).isNull();
  }

  // --- request validation (steps 2-9) comes before stored state (steps 10-13) ---

  @Test
  void givenAppAtLimit_registerWithInvalidHandler_failsWithHandlerErrorNotMaxCount() {
    registerBots(APP, 5);

    RejectedException rejected =
        rejection(
            () ->
                register(
                    minimal(APP, "sixth")
                        .handler(BotEvent.MESSAGE_ADD, "ftp://bot.example.com/add")));

    assertThat(bitrixError(rejected))
        .isEqualTo(badRequest("EVENT_MESSAGE_ADD_ERROR", "Unsupported handler protocol"));
  }

  @Test
  void givenExistingCode_registerWithInvalidColor_failsWithWrongRequestAndRebindsNothing() {
    BotId id = registerMinimal(APP, "newbot");
    Bot before = storedBot(id);
    HandlerBindings bindingsBefore = portal.handlers().bindingsOf(APP);

    RejectedException rejected =
        rejection(
            () ->
                register(
                    minimal(APP, "newbot")
                        .property("COLOR", "ORANGE")
                        .handler(BotEvent.MESSAGE_ADD, "https://v2.example.com/add")));

    assertThat(rejected.reason()).isEqualTo(RequestRejectionReason.FIELD_INVALID);
    assertThat(((InvalidField) rejected.rejection()).field()).isEqualTo("PROPERTIES[COLOR]");
    assertThat(bitrixError(rejected).code()).isEqualTo("WRONG_REQUEST");
    assertThat(bitrixError(rejected).description())
        .startsWith("PROPERTIES[COLOR] must be one of RED, GREEN");
    assertThat(storedBot(id)).isEqualTo(before);
    assertThat(portal.handlers().bindingsOf(APP)).isEqualTo(bindingsBefore);
  }

  @Test
  void givenExistingCode_registerWithoutName_failsWithNameError() {
    registerMinimal(APP, "newbot");

    RejectedException rejected =
        rejection(() -> register(minimal(APP, "newbot").property("NAME", " ")));

    assertThat(bitrixError(rejected))
        .isEqualTo(badRequest("NAME_ERROR", "Bot name isn't specified"));
  }

  // --- handler rule per type at registration ---

  @ParameterizedTest(name = "TYPE={0} OPENLINE={1}")
  @CsvSource({"B, N", "H, N", "B,", "X, N"})
  void givenOrdinaryOrHumanBotWithoutOpenLines_registerWithUpdateAndDeleteHandlers_bindsNeither(
      String type, String openLine) {
    register(withAllFiveHandlers(minimal(APP, "newbot").type(type).openLine(openLine)));

    assertThat(portal.handlers().bindingsOf(APP).asMap())
        .containsOnlyKeys(BotEvent.MESSAGE_ADD, BotEvent.WELCOME_MESSAGE, BotEvent.BOT_DELETE);
  }

  @ParameterizedTest(name = "TYPE={0} OPENLINE={1}")
  @CsvSource({"S, N", "O, N", "B, Y", "H, Y"})
  void givenSupervisorOrOpenLinesBot_registerWithUpdateAndDeleteHandlers_bindsAllFive(
      String type, String openLine) {
    register(withAllFiveHandlers(minimal(APP, "newbot").type(type).openLine(openLine)));

    assertThat(portal.handlers().bindingsOf(APP).asMap())
        .containsEntry(BotEvent.MESSAGE_UPDATE, HandlerUrl.of("https://bot.example.com/update"))
        .containsEntry(BotEvent.MESSAGE_DELETE, HandlerUrl.of("https://bot.example.com/delete-msg"))
        .hasSize(5);
  }

  @Test
  void givenUnknownType_register_storesOrdinaryBot() {
    BotId id = register(minimal(APP, "newbot").type("Z")).botId();

    assertThat(storedBot(id).type()).isEqualTo(BotType.BOT);
  }

  @Test
  void givenOpenLinesTypeWithoutOpenLineFlag_register_turnsOpenLinesOn() {
    BotId id = register(minimal(APP, "newbot").type("o").openLine("N")).botId();

    Bot bot = storedBot(id);
    assertThat(bot.type()).isEqualTo(BotType.OPEN_LINES);
    assertThat(bot.openLines()).isTrue();
  }

  // --- one set of handlers per application, last write wins ---

  @Test
  void givenSecondBotWithOtherUrls_register_rebindsForWholeApplication() {
    register(
        minimal(OTHER_APP, "other").handler(BotEvent.MESSAGE_ADD, "https://other.example.com/a"));
    HandlerBindings otherBefore = portal.handlers().bindingsOf(OTHER_APP);
    register(
        minimal(APP, "first")
            .type("S")
            .handler(BotEvent.MESSAGE_UPDATE, "https://v1.example.com/update")
            .handler(BotEvent.MESSAGE_DELETE, "https://v1.example.com/delete-msg"));

    register(
        minimal(APP, "second")
            .handler(BotEvent.MESSAGE_ADD, "https://v2.example.com/add")
            .handler(BotEvent.WELCOME_MESSAGE, "https://v2.example.com/welcome")
            .handler(BotEvent.BOT_DELETE, "https://v2.example.com/delete"));

    assertThat(portal.handlers().bindingsOf(APP).asMap())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                BotEvent.MESSAGE_ADD, HandlerUrl.of("https://v2.example.com/add"),
                BotEvent.MESSAGE_UPDATE, HandlerUrl.of("https://v1.example.com/update"),
                BotEvent.MESSAGE_DELETE, HandlerUrl.of("https://v1.example.com/delete-msg"),
                BotEvent.WELCOME_MESSAGE, HandlerUrl.of("https://v2.example.com/welcome"),
                BotEvent.BOT_DELETE, HandlerUrl.of("https://v2.example.com/delete")));
    assertThat(portal.handlers().bindingsOf(OTHER_APP)).isEqualTo(otherBefore);
  }

  // --- failure injection: a unit of work is all or nothing ---

  @Test
  void givenHandlersReplaceFailsAfterBotSaved_register_propagatesAndWritesNothing() {
    BotId first = registerMinimal(APP, "first");
    List<Bot> before = portal.storedBots();
    HandlerBindings bindingsBefore = portal.handlers().bindingsOf(APP);
    RuntimeException boom = new IllegalStateException("handlers store is down");
    Faults faults = new Faults().fail(Call.HANDLERS_REPLACE, 1, () -> boom);

    Throwable thrown =
        catchThrowable(
            () ->
                faultyRegisterUseCase(faults)
                    .register(
                        minimal(APP, "second")
                            .handler(BotEvent.MESSAGE_ADD, "https://v2.example.com/add")
                            .build()));

    assertThat(thrown).isSameAs(boom);
    assertThat(faults.calls()).containsSubsequence(Call.BOTS_SAVE, Call.HANDLERS_REPLACE);
    assertThat(portal.storedBots()).isEqualTo(before).extracting(Bot::id).containsOnly(first);
    assertThat(portal.handlers().bindingsOf(APP)).isEqualTo(bindingsBefore);
  }

  @ParameterizedTest
  @EnumSource(
      value = Call.class,
      names = {"BOTS_SAVE", "HANDLERS_REPLACE"})
  void givenOneWriteConflict_register_retriesAndCreatesOneBot(Call conflicting) {
    Faults faults =
        new Faults().fail(conflicting, 1, () -> new WriteConflictException("lost a race", null));

    RegisteredBot result = faultyRegisterUseCase(faults).register(seed(APP).build());

    assertThat(result.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(faults.count(conflicting)).isEqualTo(2);
    assertThat(portal.storedBots()).extracting(Bot::id).containsExactly(result.botId());
    assertThat(portal.handlers().bindingsOf(APP).asMap()).hasSize(5);
  }

  @Test
  void givenWriteConflictOnEveryAttempt_register_failsWithCreationFailedAndWritesNothing() {
    Faults faults =
        new Faults()
            .failAlways(Call.HANDLERS_REPLACE, () -> new WriteConflictException("lost", null));

    RejectedException rejected =
        rejection(() -> faultyRegisterUseCase(faults).register(seed(APP).build()));

    assertThat(rejected.reason()).isEqualTo(BotRejectionReason.CREATION_FAILED);
    assertThat(bitrixError(rejected))
        .isEqualTo(badRequest("WRONG_REQUEST", "Bot can't be created"));
    assertThat(faults.count(Call.HANDLERS_REPLACE)).isGreaterThan(1);
    assertThat(portal.storedBots()).isEmpty();
    assertThat(portal.handlers().bindingsOf(APP)).isEqualTo(HandlerBindings.none());
  }

  // --- concurrency: the limit and code uniqueness hold across threads and instances ---

  @Test
  void givenFiftyConcurrentRegistrationsOfDifferentCodes_register_exactlyTheLimitSucceeds()
      throws Exception {
    List<Object> outcomes = registerConcurrently(i -> minimal(APP, "bot" + i).build());

    List<BotId> created =
        outcomes.stream()
            .filter(RegisteredBot.class::isInstance)
            .map(RegisteredBot.class::cast)
            .filter(r -> r.outcome() == Outcome.CREATED)
            .map(RegisteredBot::botId)
            .toList();
    long refused =
        outcomes.stream()
            .filter(RejectedException.class::isInstance)
            .map(RejectedException.class::cast)
            .filter(e -> e.reason() == BotRejectionReason.MAX_COUNT_REACHED)
            .count();
    assertThat(created).hasSize(5).doesNotHaveDuplicates();
    assertThat(refused).isEqualTo(THREADS - 5);
    assertThat(portal.storedBots())
        .extracting(Bot::id)
        .containsExactlyInAnyOrderElementsOf(created);
  }

  @Test
  void givenFiftyConcurrentRegistrationsOfSameCode_register_storesOneBotAndAllGetItsId()
      throws Exception {
    List<Object> outcomes = registerConcurrently(i -> minimal(APP, "newbot").build());

    assertThat(outcomes).allMatch(RegisteredBot.class::isInstance);
    List<RegisteredBot> results = outcomes.stream().map(RegisteredBot.class::cast).toList();
    List<Bot> stored = portal.storedBots();
    assertThat(stored).hasSize(1);
    BotId id = stored.get(0).id();
    assertThat(results).extracting(RegisteredBot::botId).containsOnly(id);
    assertThat(results).filteredOn(r -> r.outcome() == Outcome.CREATED).hasSize(1);
    assertThat(results)
        .filteredOn(r -> r.outcome() == Outcome.ALREADY_REGISTERED)
        .hasSize(THREADS - 1);
  }

  // --- helpers ---

  /** Registers {@code count} minimal bots {@code bot1..botN} and returns their ids in order. */
  private List<BotId> registerBots(ApplicationKey application, int count) {
    List<BotId> ids = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      ids.add(registerMinimal(application, "bot" + i));
    }
    return ids;
  }

  private static TestCommands.Registration withAllFiveHandlers(
      TestCommands.Registration registration) {
    return registration
        .handler(BotEvent.MESSAGE_UPDATE, "https://bot.example.com/update")
        .handler(BotEvent.MESSAGE_DELETE, "https://bot.example.com/delete-msg");
  }

  private RegisterBotUseCase faultyRegisterUseCase(Faults faults) {
    return new RegisterBotService(
        new FaultyBots(portal.bots(), faults),
        new FaultyApplicationHandlers(portal.handlers(), faults),
        portal.users(),
        portal.unitOfWork(),
        CLOCK,
        BotLimitPolicy.defaultLimit());
  }

  /**
   * Runs {@value #THREADS} registrations at once (released together by a start gate), half through
   * {@link #secondInstance}. Each outcome is the {@link RegisteredBot} or the {@link
   * RejectedException}; any other failure fails the test.
   */
  private List<Object> registerConcurrently(IntFunction<RegisterBotCommand> commands)
      throws Exception {
    TestPortal second = secondInstance(portal);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      BotLimitPolicy limit = BotLimitPolicy.defaultLimit();
      List<RegisterBotUseCase> instances =
          List.of(portal.registerUseCase(limit, CLOCK), second.registerUseCase(limit, CLOCK));
      CountDownLatch ready = new CountDownLatch(THREADS);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Object>> futures = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        RegisterBotUseCase useCase = instances.get(i % 2);
        RegisterBotCommand command = commands.apply(i);
        futures.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  if (!start.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    throw new TimeoutException("start gate was never opened");
                  }
                  try {
                    return useCase.register(command);
                  } catch (RejectedException rejected) {
                    return rejected;
                  }
                }));
      }
      assertThat(ready.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
      start.countDown();
      List<Object> outcomes = new ArrayList<>();
      for (Future<Object> future : futures) {
        outcomes.add(future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
      if (!pool.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        throw new AssertionError("registration threads did not stop");
      }
      if (second != portal) {
        second.close();
      }
    }
  }
}
