package dev.imbot.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.imbot.application.contract.ForwardingBots;
import dev.imbot.application.contract.StoredBots;
import dev.imbot.application.contract.TestCommands;
import dev.imbot.application.contract.TestPortal;
import dev.imbot.application.port.in.bot.RegisterBotUseCase;
import dev.imbot.application.port.in.bot.RegisteredBot;
import dev.imbot.application.port.in.bot.RegisteredBot.Outcome;
import dev.imbot.application.port.in.bot.UnregisterBotCommand;
import dev.imbot.application.port.out.WriteConflictException;
import dev.imbot.application.port.out.bot.Bots;
import dev.imbot.application.port.out.event.ApplicationHandlers;
import dev.imbot.application.port.out.event.EventOutbox;
import dev.imbot.application.service.bot.RegisterBotService;
import dev.imbot.application.service.bot.UnregisterBotService;
import dev.imbot.application.service.bot.UpdateBotService;
import dev.imbot.domain.audit.Actor;
import dev.imbot.domain.audit.AuditAction;
import dev.imbot.domain.audit.AuditEntry;
import dev.imbot.domain.audit.AuditFilter;
import dev.imbot.domain.bot.Bot;
import dev.imbot.domain.bot.BotCode;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.bot.BotLimitPolicy;
import dev.imbot.domain.bot.BotProfile;
import dev.imbot.domain.bot.BotRejectionReason;
import dev.imbot.domain.bot.BotSummary;
import dev.imbot.domain.bot.BotType;
import dev.imbot.domain.chat.Chat;
import dev.imbot.domain.chat.ChatDetails;
import dev.imbot.domain.chat.ChatId;
import dev.imbot.domain.chat.ChatType;
import dev.imbot.domain.chat.Message;
import dev.imbot.domain.chat.MessageContent;
import dev.imbot.domain.chat.MessageId;
import dev.imbot.domain.event.AuthSubjects;
import dev.imbot.domain.event.BotEvent;
import dev.imbot.domain.event.EventData;
import dev.imbot.domain.event.HandlerBindings;
import dev.imbot.domain.event.HandlerUrl;
import dev.imbot.domain.event.PendingEvent;
import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.portal.Email;
import dev.imbot.domain.portal.UserId;
import dev.imbot.domain.rejection.RejectedException;
import io.micronaut.data.exceptions.DataAccessException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The persistence adapter's own guarantees, beyond the port contracts: the round trip of a whole
 * bot, statement counts, the lock, conflict mapping, atomicity and races across two instances. Runs
 * once per database.
 */
abstract class PersistenceAdapterTest {
  static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-01T10:15:30.123456Z"), ZoneOffset.UTC);
  static final ApplicationKey APP = ApplicationKey.of("app.one");
  static final ApplicationKey OTHER_APP = ApplicationKey.of("custom42");
  static final int RACERS = 50;

  /** The most statements one registration may cost on PostgreSQL (see the statement-count test). */
  static final int REGISTER_STATEMENT_BUDGET = 8;

  /**
   * What {@code statements} run together cost: one exchange on PostgreSQL, each on its own on H2
   * (in the process, where a prepared statement of several would be parsed again at every run).
   */
  long together(long statements) {
    return database() == TestDatabase.POSTGRES ? 1 : statements;
  }

  DatabaseTestPortal portal;

  protected abstract TestDatabase database();

  @BeforeEach
  void freshSchema() {
    portal = database().freshPortal();
  }

  private static RegisterBotUseCase registration(TestPortal portal) {
    return portal.registerUseCase(BotLimitPolicy.defaultLimit(), CLOCK);
  }

  private static RegisteredBot register(
      TestPortal portal, ApplicationKey application, String code) {
    return registration(portal).register(TestCommands.minimal(application, code).build());
  }

  private static Bot bot(long id, ApplicationKey application, String code, BotProfile profile) {
    return Bot.reconstitute(
        BotId.of(id), application, BotCode.of(code), BotType.BOT, false, profile, CLOCK.instant());
  }

  private void added(long id, ApplicationKey application, String code) {
    Bot bot = bot(id, application, code, BotProfile.named(code));
    portal
        .unitOfWork()
        .run(
            () -> {
              portal.bots().lockApplication(application);
              portal.bots().add(bot);
              return null;
            });
  }

  private Bot saved(long id, ApplicationKey application, String code, BotProfile profile) {
    Bot bot = bot(id, application, code, profile);
    portal
        .unitOfWork()
        .run(
            () -> {
              StoredBots.lockAndSave(portal.bots(), bot);
              return null;
            });
    return bot;
  }

  private long nextId() {
    return portal.users().allocateUserId().value();
  }

  @Test
  void givenSeedRegistration_findAndList_returnTheWholeBot() {
    RegisteredBot registered = registration(portal).register(TestCommands.seed(APP).build());

    Bot found = portal.bots().findById(registered.botId()).orElseThrow();
    assertThat(portal.bots().listAll()).containsExactly(found.summary());
    BotProfile profile = found.profile();
    assertThat(found.code()).isEqualTo(BotCode.of("newbot"));
    assertThat(found.openLines()).isTrue();
    assertThat(found.registeredAt()).isEqualTo(CLOCK.instant());
    assertThat(profile.email()).isEqualTo(Email.of("test@test.ru"));
    assertThat(profile.workPosition()).isEqualTo("Лучший сотрудник");
    assertThat(profile.avatar().width()).isEqualTo(64);
    assertThat(profile.avatar().bytes()).isNotEmpty();
    assertThat(portal.handlers().bindingsOf(APP).handlerFor(BotEvent.BOT_DELETE))
        .contains(HandlerUrl.of(TestCommands.SEED_HANDLER));
  }

  @Test
  void givenAstralCharactersAtTheDomainLimits_save_roundTrips() {
    String smile = "\uD83D\uDE00";
    BotProfile profile =
        new BotProfile(
            smile.repeat(50),
            smile.repeat(50),
            null,
            null,
            null,
            smile.repeat(255),
            null,
            null,
            null);

    Bot bot = saved(nextId(), APP, smile.repeat(50), profile);

    assertThat(portal.bots().findById(bot.id())).contains(bot);
  }

  @Test
  void givenBotsOfTwoApplications_listAll_isOneQueryInIdOrder() {
    long first = register(portal, APP, "one").botId().value();
    long second = register(portal, OTHER_APP, "two").botId().value();
    long third = register(portal, APP, "three").botId().value();
    StatementCounter statements = portal.instance().statements();

    long before = statements.count();
    List<BotSummary> bots = portal.bots().listAll();
    long used = statements.count() - before;

    assertThat(bots).extracting(bot -> bot.id().value()).containsExactly(first, second, third);
    assertThat(used).isEqualTo(1);
  }

  @Test
  void givenRegistrations_register_costsABoundedNumberOfStatements() {
    StatementCounter statements = portal.instance().statements();
    RegisterBotUseCase service = registration(portal);

    long firstOfApplication =
        statements.countDuring(() -> service.register(TestCommands.seed(APP).build()));
    long another =
        statements.countDuring(
            () ->
                service.register(
                    TestCommands.seed(APP).code("second").property("EMAIL", "b@test.ru").build()));
    long withoutEmail = statements.countDuring(() -> register(portal, APP, "third"));
    long again = statements.countDuring(() -> register(portal, APP, "third"));

    System.out.printf(
        "[%s] statements per registration: first of its application %d, next with e-mail %d,"
            + " without e-mail %d, re-registration %d%n",
        database(), firstOfApplication, another, withoutEmail, again);
    // The user and bot rows: one exchange on PostgreSQL, two statements on H2.
    long rows = together(2) - 1;
    assertThat(firstOfApplication).isLessThanOrEqualTo(REGISTER_STATEMENT_BUDGET + rows);
    assertThat(another).isLessThanOrEqualTo(5 + rows);
    assertThat(withoutEmail).isLessThanOrEqualTo(7 + rows);
    assertThat(again).isLessThanOrEqualTo(3);
  }

  @Test
  void givenEachOperation_run_reportsItsStatementCount() {
    java.util.Map<String, Long> counts = StatementCountReport.measure(portal, CLOCK);

    counts.forEach(
        (operation, count) ->
            System.out.printf("[%s] statements: %s = %d%n", database(), operation, count));
    assertThat(counts.values()).allMatch(count -> count > 0);
  }

  @Test
  void givenAnApplicationsOwnAccessToken_authenticate_readsOnce() {
    // Both holders of a token (an issued token, an application's own) are read in one statement.
    assertThat(StatementCountReport.measure(portal, CLOCK))
        .containsEntry("authenticate by access token", 1L);
  }

  @Test
  void givenNoUnitOfWork_lockApplication_throwsIllegalState() {
    assertThatThrownBy(() -> portal.bots().lockApplication(APP))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void givenATakenCode_saveOfAnotherBot_isAWriteConflictAndLeavesNothing() {
    saved(nextId(), APP, "taken", BotProfile.named("First"));
    long second = nextId();

    assertThatThrownBy(() -> saved(second, APP, "taken", BotProfile.named("Second")))
        .isInstanceOf(WriteConflictException.class);
    assertThat(portal.bots().findById(BotId.of(second))).isEmpty();
    assertThat(portal.instance().count("portal_user")).isEqualTo(2); // the admin and the first bot
  }

  @Test
  void givenATakenCodeOrId_addOfANewBot_isAWriteConflictAndLeavesNoUserRow() {
    saved(nextId(), APP, "taken", BotProfile.named("First"));
    long taken = saved(nextId(), APP, "other", BotProfile.named("Other")).id().value();
    long users = portal.instance().count("portal_user");

    // The bot row fails after the user row went in, in the same round trip: both are undone.
    assertThatThrownBy(() -> added(nextId(), APP, "taken"))
        .isInstanceOf(WriteConflictException.class);
    assertThatThrownBy(() -> added(taken, APP, "third")).isInstanceOf(WriteConflictException.class);
    assertThat(portal.instance().count("portal_user")).isEqualTo(users);
    assertThat(portal.instance().count("bot")).isEqualTo(2);
  }

  @Test
  void givenANewId_add_sendsBothRowsTogether() {
    long id = nextId();
    Bot bot = bot(id, APP, "added", BotProfile.named("Added"));

    long used = statementsToAdd(bot, () -> {});

    assertThat(used).isEqualTo(together(2));
    assertThat(portal.bots().findById(BotId.of(id))).contains(bot);
  }

  /**
   * The statements {@code before} and then adding {@code bot} run, under the application's lock.
   */
  private long statementsToAdd(Bot bot, Runnable before) {
    StatementCounter statements = portal.instance().statements();
    return portal
        .unitOfWork()
        .run(
            () -> {
              portal.bots().lockApplication(APP);
              return statements.countDuring(
                  () -> {
                    before.run();
                    portal.bots().add(bot);
                  });
            });
  }

  /** What a unit of work running {@code work} throws (null when it commits). */
  private Throwable failureOfUnitOfWork(Supplier<?> work) {
    return catchThrowable(() -> portal.unitOfWork().run(work));
  }

  private static AuditEntry registered(long botId, String subject) {
    return new AuditEntry(
        0,
        CLOCK.instant(),
        AuditAction.BOT_REGISTERED,
        Actor.application(APP.value(), "127.0.0.1"),
        botId,
        APP.value(),
        subject,
        "code added");
  }

  @Test
  void givenAnAuditEntryThenANewBot_inOneUnitOfWork_allRowsGoTogether() {
    JdbcAuditTrail audit = portal.instance().bean(JdbcAuditTrail.class);
    long id = nextId();
    Bot bot = bot(id, APP, "added", BotProfile.named("Added"));

    long used = statementsToAdd(bot, () -> audit.append(registered(id, null)));

    assertThat(used).isEqualTo(together(3));
    assertThat(portal.bots().findById(BotId.of(id))).contains(bot);
    assertThat(audit.find(AuditFilter.all(), 0, 10).entries())
        .singleElement()
        .satisfies(entry -> assertThat(entry.botId()).isEqualTo(id));
  }

  /** A new message of portal user 1 in a private dialog with a new person. */
  private Message message(String text) {
    long person = portal.addPerson(Email.of(text + "@example.com"));
    ChatId chat =
        portal
            .unitOfWork()
            .run(
                () ->
                    portal
                        .chats()
                        .openPrivate(UserId.of(1), UserId.of(person), CLOCK.instant())
                        .chat()
                        .id());
    return Message.posted(
        portal.messages().nextId(),
        chat,
        UserId.of(1),
        CLOCK.instant(),
        MessageContent.text(text),
        false);
  }

  private static PendingEvent messageEvent(MessageId message, long bot) {
    return new PendingEvent(
        APP,
        BotEvent.MESSAGE_ADD.eventName(),
        1,
        HandlerUrl.of("https://bot.example.com/h"),
        EventData.builder()
            .put("BOT_ID", bot)
            .put("PARAMS", EventData.builder().put("MESSAGE_ID", message.value()).build())
            .build(),
        AuthSubjects.none(),
        CLOCK.instant());
  }

  /**
   * A group chat of portal user 1 and {@code first}, then {@code later} added with hidden history.
   */
  private Chat groupChat(UserId first, UserId later) {
    return portal
        .unitOfWork()
        .run(
            () -> {
              Chat created =
                  portal
                      .chats()
                      .create(
                          ChatType.GROUP,
                          ChatDetails.NONE,
                          UserId.of(1),
                          List.of(first),
                          CLOCK.instant());
              created.addMembers(UserId.of(1), List.of(later), true, 42);
              portal.chats().save(created);
              return created;
            });
  }

  @Test
  void givenAChatWithMembers_find_readsItWithItsMembersInJoinOrderInOneStatement() {
    UserId first = UserId.of(portal.addPerson(Email.of("first@example.com")));
    UserId later = UserId.of(portal.addPerson(Email.of("later@example.com")));
    Chat chat = groupChat(first, later);
    StatementCounter statements = portal.instance().statements();
    Chat[] found = new Chat[1];

    long used =
        statements.countDuring(() -> found[0] = portal.chats().find(chat.id()).orElseThrow());

    assertThat(used).isEqualTo(1);
    assertThat(found[0].members()).containsExactlyElementsOf(chat.members());
    assertThat(found[0].members())
        .extracting(m -> m.user())
        .containsExactly(UserId.of(1), first, later);
    assertThat(found[0].members().get(2).hiddenUpTo()).isEqualTo(42);
    assertThat(portal.unitOfWork().run(() -> portal.chats().lock(chat.id())))
        .hasValueSatisfying(
            locked -> assertThat(locked.members()).containsExactlyElementsOf(chat.members()));
  }

  @Test
  void givenAChatLockedAndChanged_aLockWaitingForIt_seesTheMembersAsCommitted() throws Exception {
    UserId first = UserId.of(portal.addPerson(Email.of("first@example.com")));
    UserId later = UserId.of(portal.addPerson(Email.of("later@example.com")));
    UserId added = UserId.of(portal.addPerson(Email.of("added@example.com")));
    Chat chat = groupChat(first, later);
    CountDownLatch changed = new CountDownLatch(1);
    CountDownLatch commit = new CountDownLatch(1);
    CompletableFuture<Boolean> changer =
        inUnitOfWorkAsync(
            () -> {
              Chat locked = portal.chats().lock(chat.id()).orElseThrow();
              locked.addMembers(UserId.of(1), List.of(added), false, 0);
              portal.chats().save(locked);
              changed.countDown();
              try {
                return commit.await(30, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    assertThat(changed.await(30, TimeUnit.SECONDS)).isTrue();
    long waitingBefore = waitingForLocks();
    CompletableFuture<Chat> waiter =
        inUnitOfWorkAsync(() -> portal.chats().lock(chat.id()).orElseThrow());

    // The waiter's statement has started (and taken its snapshot) and waits for the chat's lock.
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> waitingForLocks() > waitingBefore);
    commit.countDown();
    changer.get(30, TimeUnit.SECONDS);

    assertThat(waiter.get(30, TimeUnit.SECONDS).members())
        .extracting(m -> m.user())
        .containsExactly(UserId.of(1), first, later, added);
  }

  /** {@code work} in a unit of work of its own, on another thread. */
  private <T> CompletableFuture<T> inUnitOfWorkAsync(Supplier<T> work) {
    return CompletableFuture.supplyAsync(() -> portal.unitOfWork().run(work));
  }

  /** Sessions of the test database waiting for a lock now. */
  private long waitingForLocks() {
    String sql =
        database() == TestDatabase.POSTGRES
            ? "SELECT count(*) FROM pg_locks WHERE NOT granted"
            : "SELECT count(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL";
    return portal
        .instance()
        .sql(
            connection -> {
              try (var statement = connection.prepareStatement(sql);
                  var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
              }
            });
  }

  @Test
  void givenAPostedMessageItsEventAndLink_inOneUnitOfWork_allRowsGoTogetherAtTheCommit() {
    StatementCounter statements = portal.instance().statements();
    // The instance takes its block of delivery ids with its first event.
    portal.outbox().enqueue(messageEvent(message("warm").id(), 7));
    Message message = message("hello");
    long[] inside = new long[1];

    long used =
        statements.countDuring(
            () ->
                portal
                    .unitOfWork()
                    .run(
                        () -> {
                          inside[0] =
                              statements.countDuring(
                                  () -> {
                                    portal.messages().add(message);
                                    long delivery =
                                        portal.outbox().enqueue(messageEvent(message.id(), 42));
                                    portal.messageDeliveries().link(message.id(), delivery);
                                  });
                          return null;
                        }));

    // Nothing goes at once (the delivery's id is the instance's own, decision 163); the message,
    // outbox, bot and link rows wait for the commit and go in one exchange there.
    assertThat(inside[0]).isZero();
    assertThat(used).isEqualTo(together(4));
    assertThat(portal.messages().find(message.id())).isPresent();
    assertThat(portal.messageDeliveries().of(List.of(message.id())).get(message.id()))
        .singleElement()
        .satisfies(d -> assertThat(d.event().botsConcerned()).containsExactly(UserId.of(42)));
  }

  @Test
  void givenAnEventEnqueuedInAUnitOfWork_eachReadOrChangeOfTheOutboxFirstInIt_seesIt() {
    JdbcDueDeliveries due = portal.instance().bean(JdbcDueDeliveries.class);
    JdbcDeliveryLog log = portal.instance().bean(JdbcDeliveryLog.class);
    String event = BotEvent.MESSAGE_ADD.eventName();

    // Each adapter's access is the first thing after the enqueue in its own unit of work.
    boolean paged =
        this.<Boolean>enqueuedThen(
            id -> portal.outbox().page(0, 1000).stream().anyMatch(d -> d.id() == id));
    boolean detailed = this.<Boolean>enqueuedThen(id -> log.details(id).isPresent());
    boolean pending = this.<Boolean>enqueuedThen(id -> due.hasPending(APP.value(), event));
    int dropped =
        this.<Integer>enqueuedThen(id -> due.drop(APP.value(), "dropped", CLOCK.instant()));

    assertThat(paged).isTrue();
    assertThat(detailed).isTrue();
    assertThat(pending).isTrue();
    // The drop sees the held-back row: it is not left pending behind it.
    assertThat(dropped).isEqualTo(4);
    assertThat(due.hasPending(APP.value(), event)).isFalse();
  }

  /** Enqueues an event in a unit of work, then answers what {@code next} finds in the same one. */
  private <T> T enqueuedThen(java.util.function.LongFunction<T> next) {
    return portal
        .unitOfWork()
        .run(() -> next.apply(portal.outbox().enqueue(messageEvent(MessageId.of(1), 42))));
  }

  @Test
  void givenAUnitOfWorkThatFailsAfterEnqueueing_theEventIsNeverWritten() {
    Throwable failure =
        failureOfUnitOfWork(
            () -> {
              portal.outbox().enqueue(messageEvent(MessageId.of(1), 42));
              throw new IllegalStateException("a later step failed");
            });

    assertThat(failure).hasMessage("a later step failed");
    assertThat(portal.instance().count("event_delivery")).isZero();
    assertThat(portal.instance().count("delivery_bot")).isZero();
  }

  @Test
  void givenTwoInstancesEnqueueingAtOnce_everyDeliveryId_isDistinct() throws Exception {
    DatabaseTestPortal second = database().secondPortal();
    int perInstance = 3 * JdbcEventOutbox.ID_BLOCK + 5;
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<List<Long>>> runs = new ArrayList<>();
      for (DatabaseTestPortal side : List.of(portal, second, portal, second)) {
        runs.add(
            pool.submit(
                () -> {
                  List<Long> ids = new ArrayList<>();
                  for (int i = 0; i < perInstance / 2; i++) {
                    ids.add(
                        side.unitOfWork()
                            .run(() -> side.outbox().enqueue(messageEvent(MessageId.of(1), 42))));
                  }
                  return ids;
                }));
      }
      List<Long> all = new ArrayList<>();
      for (var run : runs) {
        all.addAll(run.get(60, TimeUnit.SECONDS));
      }
      assertThat(all).doesNotHaveDuplicates();
      assertThat(portal.instance().count("event_delivery")).isEqualTo(all.size());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void givenAMessageAddedInAUnitOfWork_readsAndChangesLaterInIt_seeTheMessage() {
    Message message = message("first");

    portal
        .unitOfWork()
        .run(
            () -> {
              portal.messages().add(message);
              assertThat(portal.messages().find(message.id())).isPresent();
              assertThat(portal.messages().lastIdIn(message.chat()))
                  .isEqualTo(message.id().value());
              message.markDeleted();
              portal.messages().save(message);
              return null;
            });

    assertThat(portal.instance().count("message")).isEqualTo(1);
    assertThat(portal.messages().find(message.id()))
        .hasValueSatisfying(m -> assertThat(m.isDeleted()).isTrue());
  }

  @Test
  void givenAMessageAddedInAUnitOfWork_eachReadOfMessagesFirstInIt_seesIt() {
    // Each read is the first thing after the add in its own unit of work.
    boolean last =
        this.<Boolean>addedThen(
            "last", m -> portal.messages().lastIdIn(m.chat()) == m.id().value());
    long count = this.<Long>addedThen("count", m -> portal.messages().countIn(m.chat()));
    boolean found =
        this.<Boolean>addedThen("found", m -> portal.messages().find(m.id()).isPresent());

    assertThat(last).isTrue();
    assertThat(count).isEqualTo(1);
    assertThat(found).isTrue();
  }

  /** Adds a message in a unit of work, then answers what {@code next} finds in the same one. */
  private <T> T addedThen(String text, java.util.function.Function<Message, T> next) {
    Message message = message(text);
    return portal
        .unitOfWork()
        .run(
            () -> {
              portal.messages().add(message);
              return next.apply(message);
            });
  }

  @Test
  void givenTheDeliveryIdSequence_itsStep_isTheBlockAnInstanceHandsOut() {
    long step =
        portal
            .instance()
            .sql(
                connection -> {
                  try (var statement =
                          connection.prepareStatement(
                              "SELECT increment FROM information_schema.sequences"
                                  + " WHERE sequence_name = 'event_delivery_id_block'");
                      var rows = statement.executeQuery()) {
                    rows.next();
                    return Long.parseLong(rows.getString(1));
                  }
                });

    // A smaller step would let another instance's block overlap this instance's ids.
    assertThat(step).isEqualTo(JdbcEventOutbox.ID_BLOCK);
  }

  @Test
  void givenAMessageChangedInMemoryAfterItsAdd_theHeldRow_storesItAsItWasAdded() {
    Message message = message("asadded");

    portal
        .unitOfWork()
        .run(
            () -> {
              portal.messages().add(message);
              message.markDeleted(); // never saved
              return null;
            });

    assertThat(portal.messages().find(message.id()))
        .hasValueSatisfying(m -> assertThat(m.isDeleted()).isFalse());
  }

  @Test
  void givenAUnitOfWorkThatFails_theMessageRowsItHeldBack_areNeverWritten() {
    Message message = message("lost");

    Throwable failure =
        failureOfUnitOfWork(
            () -> {
              portal.messages().add(message);
              portal.messageDeliveries().link(message.id(), 99);
              throw new IllegalStateException("a later step failed");
            });

    assertThat(failure).hasMessage("a later step failed");
    assertThat(portal.instance().count("message")).isZero();
    assertThat(portal.instance().count("message_delivery")).isZero();
  }

  @Test
  void givenAnAuditEntryAlone_inAUnitOfWork_isWrittenAtTheCommitAndNotOnRollback() {
    JdbcAuditTrail audit = portal.instance().bean(JdbcAuditTrail.class);
    StatementCounter statements = portal.instance().statements();

    long heldBack =
        portal
            .unitOfWork()
            .run(() -> statements.countDuring(() -> audit.append(registered(7, "kept"))));
    assertThat(
            failureOfUnitOfWork(
                () -> {
                  audit.append(registered(8, "rolled back"));
                  throw new IllegalStateException("roll back");
                }))
        .isInstanceOf(IllegalStateException.class);
    audit.append(registered(9, "outside a unit of work"));

    assertThat(heldBack).isZero();
    assertThat(audit.find(AuditFilter.all(), 0, 10).entries())
        .extracting(AuditEntry::subject)
        .containsExactlyInAnyOrder("kept", "outside a unit of work");
  }

  @Test
  void givenAHeldBackAuditEntryThatFails_theUnitOfWorkFailsAndKeepsNothing() {
    JdbcAuditTrail audit = portal.instance().bean(JdbcAuditTrail.class);
    long id = nextId();
    long bots = portal.instance().count("bot");

    // A subject longer than its column: the held-back insert fails just before the commit.
    assertThat(
            failureOfUnitOfWork(
                () -> {
                  portal.bots().lockApplication(APP);
                  portal.bots().add(bot(id, APP, "kept-not", BotProfile.named("No")));
                  audit.append(registered(id, "x".repeat(300)));
                  return null;
                }))
        .isInstanceOf(DataAccessException.class);

    assertThat(portal.instance().count("bot")).isEqualTo(bots);
    assertThat(portal.instance().count("audit_entry")).isZero();
  }

  @Test
  void givenAnAddressTakenByABotOrAPerson_saveOfAnotherBot_isAWriteConflict() {
    saved(nextId(), APP, "first", withEmail("Bot@Example.com"));
    portal.addPerson(Email.of("person@example.com"));

    assertThatThrownBy(() -> saved(nextId(), OTHER_APP, "second", withEmail("bot@example.COM")))
        .isInstanceOf(WriteConflictException.class);
    assertThatThrownBy(() -> saved(nextId(), OTHER_APP, "third", withEmail("PERSON@example.com")))
        .isInstanceOf(WriteConflictException.class);
  }

  @Test
  void givenAnAddress_emailChecks_ignoreCaseAndTheBotItself() {
    Bot bot = saved(nextId(), APP, "first", withEmail("Bot@Example.com"));
    portal.addPerson(Email.of("Person@Example.com"));

    assertThat(portal.users().isEmailInUse(Email.of("bot@example.com"), null)).isTrue();
    assertThat(portal.users().isEmailInUse(Email.of("bot@example.com"), bot.id())).isFalse();
    assertThat(portal.users().isEmailInUse(Email.of("PERSON@example.com"), null)).isTrue();
    assertThat(portal.users().isEmailInUse(Email.of("PERSON@example.com"), bot.id())).isTrue();
    assertThat(portal.users().isEmailInUse(Email.of("nobody@example.com"), null)).isFalse();
  }

  @Test
  void givenABotSeenTooLate_register_endsWithTheExistingIdThroughTheUniqueConstraint() {
    BotId winner = register(portal, APP, "same").botId();
    Bots staleOnce = new StaleFirstLock(portal.bots());
    RegisterBotUseCase service =
        new RegisterBotService(
            staleOnce,
            portal.handlers(),
            portal.users(),
            portal.unitOfWork(),
            CLOCK,
            BotLimitPolicy.defaultLimit());

    RegisteredBot result = service.register(TestCommands.minimal(APP, "same").build());

    assertThat(result).isEqualTo(new RegisteredBot(winner, Outcome.ALREADY_REGISTERED));
    assertThat(portal.bots().listAll()).hasSize(1);
  }

  @Test
  void givenAFailureAfterTheBotIsWritten_register_leavesNothingHalfWritten() {
    ApplicationHandlers failing = new FailingAfterReplace(portal.handlers());
    RegisterBotUseCase service =
        new RegisterBotService(
            portal.bots(),
            failing,
            portal.users(),
            portal.unitOfWork(),
            CLOCK,
            BotLimitPolicy.defaultLimit());

    assertThatThrownBy(() -> service.register(TestCommands.seed(APP).build()))
        .isInstanceOf(InjectedFailure.class);

    assertThat(portal.bots().listAll()).isEmpty();
    assertThat(portal.handlers().bindingsOf(APP)).isEqualTo(HandlerBindings.none());
    assertThat(portal.instance().count("portal_user")).isEqualTo(1); // the admin only
    assertThat(portal.instance().count("bot")).isZero();
    assertThat(portal.instance().count("application")).isZero();
  }

  @Test
  void givenAFailureAfterTheEventIsRecorded_unregister_keepsTheBot() {
    BotId id = registration(portal).register(TestCommands.seed(APP).build()).botId();
    EventOutbox failing =
        new EventOutbox() {
          @Override
          public long enqueue(PendingEvent event) {
            portal.outbox().enqueue(event);
            throw new InjectedFailure();
          }

          @Override
          public List<dev.imbot.domain.event.Delivery> page(long afterId, int limit) {
            return portal.outbox().page(afterId, limit);
          }
        };
    var service =
        new UnregisterBotService(
            portal.bots(), portal.handlers(), portal.tokens(), failing, portal.unitOfWork(), CLOCK);

    assertThatThrownBy(() -> service.unregister(new UnregisterBotCommand(APP, id)))
        .isInstanceOf(InjectedFailure.class);

    assertThat(portal.bots().findById(id)).isPresent();
    assertThat(portal.enqueuedEvents()).isEmpty();
    assertThat(portal.handlers().bindingsOf(APP).isEmpty()).isFalse();
  }

  @Test
  void givenAFailureAfterTheBindingsAreWritten_update_keepsTheBotAsItWas() {
    BotId id = registration(portal).register(TestCommands.seed(APP).build()).botId();
    Bot before = portal.bots().findById(id).orElseThrow();
    HandlerBindings bindingsBefore = portal.handlers().bindingsOf(APP);
    var service =
        new UpdateBotService(
            portal.bots(),
            new FailingAfterReplace(portal.handlers()),
            portal.users(),
            portal.unitOfWork());

    assertThatThrownBy(
            () ->
                service.update(
                    TestCommands.update(APP, id)
                        .code("renamed")
                        .property("NAME", "Renamed")
                        .eventHandler("https://new.example.com/h")
                        .build()))
        .isInstanceOf(InjectedFailure.class);

    assertThat(portal.bots().findById(id)).contains(before);
    assertThat(portal.handlers().bindingsOf(APP)).isEqualTo(bindingsBefore);
  }

  @Test
  void givenUnregistration_unregister_recordsTheEventAndDropsTheLastBotsBindings() {
    BotId id = registration(portal).register(TestCommands.seed(APP).build()).botId();
    long bindingId = portal.handlers().bindingFor(APP, BotEvent.BOT_DELETE).orElseThrow().id();

    portal.unregisterUseCase(CLOCK).unregister(new UnregisterBotCommand(APP, id));

    assertThat(portal.enqueuedEvents())
        .containsExactly(
            new PendingEvent(
                APP,
                "ONIMBOTDELETE",
                bindingId,
                HandlerUrl.of(TestCommands.SEED_HANDLER),
                EventData.builder().put("BOT_ID", id.value()).put("BOT_CODE", "newbot").build(),
                AuthSubjects.none(),
                CLOCK.instant()));
    assertThat(portal.bots().findById(id)).isEmpty();
    assertThat(portal.handlers().bindingsOf(APP)).isEqualTo(HandlerBindings.none());
    assertThat(portal.users().isEmailInUse(Email.of("test@test.ru"), null)).isFalse();
    assertThat(portal.instance().count("portal_user")).isEqualTo(1);
  }

  @Test
  void givenBindings_replaceAndRemove_storeTheWholeSet() {
    HandlerBindings two =
        HandlerBindings.of(
            Map.of(
                BotEvent.MESSAGE_ADD, HandlerUrl.of("https://a.example.com/add"),
                BotEvent.BOT_DELETE, HandlerUrl.of("https://a.example.com/delete")));
    HandlerBindings one =
        HandlerBindings.of(
            Map.of(BotEvent.WELCOME_MESSAGE, HandlerUrl.of("https://b.example.com/w")));

    portal.handlers().replace(APP, two);
    assertThat(portal.handlers().bindingsOf(APP)).isEqualTo(two);
    portal.handlers().replace(APP, one);
    assertThat(portal.handlers().bindingsOf(APP)).isEqualTo(one);
    assertThat(portal.handlers().bindingsOf(OTHER_APP)).isEqualTo(HandlerBindings.none());
    portal.handlers().removeAll(APP);
    assertThat(portal.handlers().bindingsOf(APP)).isEqualTo(HandlerBindings.none());
  }

  @Test
  void givenAPerson_allocateUserId_neverHandsOutTakenOrRolledBackIds() {
    long person = portal.addPerson(Email.of("someone@example.com"));
    long rolledBack = assertRollsBack(() -> portal.users().allocateUserId().value());

    long next = portal.users().allocateUserId().value();

    assertThat(next).isGreaterThan(person).isGreaterThan(rolledBack);
  }

  private long assertRollsBack(java.util.function.LongSupplier work) {
    long[] taken = new long[1];
    assertThatThrownBy(
            () ->
                portal
                    .unitOfWork()
                    .run(
                        () -> {
                          taken[0] = work.getAsLong();
                          throw new InjectedFailure();
                        }))
        .isInstanceOf(InjectedFailure.class);
    return taken[0];
  }

  @Test
  void givenAnApplicationLockedByOneInstance_anotherInstance_waitsForItButNotForOtherApplications()
      throws Exception {
    DatabaseTestPortal second = database().secondPortal();
    CountDownLatch locked = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Void> holder =
        CompletableFuture.runAsync(
            () ->
                portal
                    .unitOfWork()
                    .run(
                        () -> {
                          portal.bots().lockApplication(APP);
                          locked.countDown();
                          await(release);
                          return null;
                        }));
    assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();

    CompletableFuture<List<BotSummary>> waiter =
        CompletableFuture.supplyAsync(
            () -> second.unitOfWork().run(() -> second.bots().lockApplication(APP)));
    List<BotSummary> other =
        second.unitOfWork().run(() -> second.bots().lockApplication(OTHER_APP));

    assertThat(other).isEmpty();
    assertThatThrownBy(() -> waiter.get(500, TimeUnit.MILLISECONDS))
        .isInstanceOf(TimeoutException.class);
    release.countDown();
    holder.get(10, TimeUnit.SECONDS);
    assertThat(waiter.get(10, TimeUnit.SECONDS)).isEmpty();
  }

  @Test
  void givenConcurrentRegistrationsOfDifferentCodesOnTwoInstances_register_admitsExactlyTheLimit()
      throws Exception {
    List<RegisterBotUseCase> instances =
        List.of(registration(portal), registration(database().secondPortal()));

    List<Race.Outcome<RegisteredBot>> outcomes =
        Race.run(
            RACERS,
            i ->
                () -> instances.get(i % 2).register(TestCommands.minimal(APP, "code" + i).build()));

    int limit = BotLimitPolicy.DEFAULT_MAX_BOTS_PER_APPLICATION;
    assertThat(outcomes.stream().filter(o -> o.value() != null))
        .hasSize(limit)
        .allMatch(o -> o.value().outcome() == Outcome.CREATED);
    assertThat(outcomes.stream().filter(o -> o.failure() != null))
        .hasSize(RACERS - limit)
        .allSatisfy(
            o ->
                assertThat(o.failure())
                    .isInstanceOfSatisfying(
                        RejectedException.class,
                        e ->
                            assertThat(e.reason())
                                .isEqualTo(BotRejectionReason.MAX_COUNT_REACHED)));
    assertThat(portal.bots().listAll()).hasSize(limit);
  }

  @Test
  void
      givenConcurrentRegistrationsOfOneCodeOnTwoInstances_register_createsOneBotAndTellsEveryoneItsId()
          throws Exception {
    List<RegisterBotUseCase> instances =
        List.of(registration(portal), registration(database().secondPortal()));

    List<Race.Outcome<RegisteredBot>> outcomes =
        Race.run(
            RACERS,
            i -> () -> instances.get(i % 2).register(TestCommands.minimal(APP, "same").build()));

    assertThat(outcomes).allSatisfy(o -> assertThat(o.failure()).isNull());
    List<BotSummary> bots = portal.bots().listAll();
    assertThat(bots).hasSize(1);
    BotId id = bots.get(0).id();
    assertThat(outcomes).allSatisfy(o -> assertThat(o.value().botId()).isEqualTo(id));
    assertThat(outcomes.stream().filter(o -> o.value().outcome() == Outcome.CREATED)).hasSize(1);
  }

  private static BotProfile withEmail(String email) {
    return new BotProfile("Named", null, null, Email.of(email), null, null, null, null, null);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Thrown by the decorators below between two writes of a use case. */
  static final class InjectedFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InjectedFailure() {
      super("injected failure");
    }
  }

  /** Writes the bindings, then fails: the unit of work already holds every other write. */
  private record FailingAfterReplace(ApplicationHandlers delegate) implements ApplicationHandlers {
    @Override
    public HandlerBindings bindingsOf(ApplicationKey application) {
      return delegate.bindingsOf(application);
    }

    @Override
    public java.util.Optional<dev.imbot.domain.event.HandlerBinding> bindingFor(
        ApplicationKey application, BotEvent event) {
      return delegate.bindingFor(application, event);
    }

    @Override
    public void replace(ApplicationKey application, HandlerBindings bindings) {
      delegate.replace(application, bindings);
      throw new InjectedFailure();
    }

    @Override
    public void removeAll(ApplicationKey application) {
      delegate.removeAll(application);
    }

    @Override
    public dev.imbot.domain.event.HandlerBinding bindCommandHandler(
        ApplicationKey application, dev.imbot.domain.event.HandlerUrl url) {
      return delegate.bindCommandHandler(application, url);
    }

    @Override
    public java.util.Optional<dev.imbot.domain.event.HandlerBinding> commandHandlerOf(
        ApplicationKey application) {
      return delegate.commandHandlerOf(application);
    }
  }

  /**
   * Takes the lock but reports no bots the first time: a registration that missed a concurrent
   * winner, so only the unique constraint can stop the duplicate.
   */
  private static final class StaleFirstLock extends ForwardingBots {
    private final AtomicBoolean stale = new AtomicBoolean(true);

    StaleFirstLock(Bots delegate) {
      super(delegate);
    }

    @Override
    public List<BotSummary> lockApplication(ApplicationKey application) {
      List<BotSummary> bots = super.lockApplication(application);
      return stale.getAndSet(false) ? List.of() : bots;
    }
  }
}
