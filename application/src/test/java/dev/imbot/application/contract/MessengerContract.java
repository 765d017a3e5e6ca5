package dev.imbot.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imbot.application.port.in.chat.ChangeMembersCommand;
import dev.imbot.application.port.in.chat.ChatActor;
import dev.imbot.application.port.in.chat.ChatList;
import dev.imbot.application.port.in.chat.ChatListing;
import dev.imbot.application.port.in.chat.ChatSettingCommand;
import dev.imbot.application.port.in.chat.CreateChatCommand;
import dev.imbot.application.port.in.chat.DeleteMessageCommand;
import dev.imbot.application.port.in.chat.LikeMessageCommand;
import dev.imbot.application.port.in.chat.ListChatsQuery;
import dev.imbot.application.port.in.chat.MessagePage;
import dev.imbot.application.port.in.chat.MessagePageQuery;
import dev.imbot.application.port.in.chat.PostMessageCommand;
import dev.imbot.application.port.in.chat.RemoveChatUserCommand;
import dev.imbot.application.port.in.chat.UpdateMessageCommand;
import dev.imbot.application.port.out.bot.Bots;
import dev.imbot.application.port.out.event.EventOutbox;
import dev.imbot.application.service.chat.AddChatUsersService;
import dev.imbot.application.service.chat.ChangeChatSettingsService;
import dev.imbot.application.service.chat.CreateChatService;
import dev.imbot.application.service.chat.DeleteMessageService;
import dev.imbot.application.service.chat.LikeMessageService;
import dev.imbot.application.service.chat.ListChatsService;
import dev.imbot.application.service.chat.ListMessageDeliveriesService;
import dev.imbot.application.service.chat.MessageLinkingOutbox;
import dev.imbot.application.service.chat.Messenger;
import dev.imbot.application.service.chat.OutboxChatEvents;
import dev.imbot.application.service.chat.PostMessageService;
import dev.imbot.application.service.chat.ReadChatsService;
import dev.imbot.application.service.chat.RemoveChatUserService;
import dev.imbot.application.service.chat.ResolveBotService;
import dev.imbot.application.service.chat.TypingService;
import dev.imbot.application.service.chat.UpdateMessageService;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.chat.ChatDetails;
import dev.imbot.domain.chat.ChatId;
import dev.imbot.domain.chat.ChatType;
import dev.imbot.domain.chat.DialogId;
import dev.imbot.domain.chat.EditWindow;
import dev.imbot.domain.chat.LikeAction;
import dev.imbot.domain.chat.Message;
import dev.imbot.domain.chat.MessageId;
import dev.imbot.domain.event.BotEvent;
import dev.imbot.domain.event.Delivery;
import dev.imbot.domain.event.DeliveryStatus;
import dev.imbot.domain.event.EventData;
import dev.imbot.domain.event.PendingEvent;
import dev.imbot.domain.portal.Email;
import dev.imbot.domain.portal.UserId;
import dev.imbot.domain.rejection.RejectedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contract of the messenger's use cases over any adapter's chats and messages: posting, the private
 * dialog's first use and its welcome, membership, edits, deletion, likes and reading, with the
 * events each change asks for.
 */
public abstract class MessengerContract extends PortalContract {
  private static final String CANT_EDIT = "CANT_EDIT_MESSAGE";

  protected final RecordingChatEvents events = new RecordingChatEvents();
  private final MovableClock clock = new MovableClock(NOW);
  private Messenger messenger;
  protected UserId ann;
  protected UserId ben;
  protected UserId echo;

  private TestPortal messengerPortal() {
    return portal;
  }

  @BeforeEach
  void buildMessenger() {
    messenger =
        new Messenger(
            messengerPortal().chats(),
            messengerPortal().messages(),
            portal.bots(),
            portal.people(),
            portal.unitOfWork(),
            clock,
            EditWindow.DEFAULT,
            events);
    ann = UserId.of(portal.addPerson(Email.of("ann@example.com")));
    ben = UserId.of(portal.addPerson(Email.of("ben@example.com")));
    echo = bot(APP, "echo", "B", "N");
  }

  protected UserId bot(
      dev.imbot.domain.portal.ApplicationKey app, String code, String type, String openLine) {
    BotId id = register(TestCommands.minimal(app, code).type(type).openLine(openLine)).botId();
    return UserId.of(id.value());
  }

  // --- posting ---

  @Test
  void givenPersonWritingToABotFirstTime_post_opensTheDialogWelcomesTheBotThenRoutesTheMessage() {
    MessageId first = post(person(ann), dialogWith(echo), "Hello");
    MessageId second = post(person(ann), dialogWith(echo), "Again");

    assertThat(second.value()).isGreaterThan(first.value());
    assertThat(events.lines())
        .containsExactly(
            "join P " + echo + " by " + ann,
            "add " + first + " to app.alpha[" + echo + "]",
            "add " + second + " to app.alpha[" + echo + "]");
    MessagePage page = read(ann, dialogWith(echo), 0, 0, 20);
    assertThat(page.messages()).extracting(Message::text).containsExactly("Again", "Hello");
    assertThat(page.users()).extracting(u -> u.id()).containsExactly(ann.value());
  }

  @Test
  void givenBotAnsweringThePerson_post_storesItAndRoutesNothing() {
    post(person(ann), dialogWith(echo), "Hello");
    MessageId answer = post(ChatActor.bot(echo), dialogWith(ann), "Hi, Ann");

    assertThat(events.lines()).last().isEqualTo("add " + answer);
    assertThat(read(ann, dialogWith(echo), 0, 0, 20).messages())
        .extracting(Message::text)
        .containsExactly("Hi, Ann", "Hello");
  }

  @Test
  void givenBotWritingFirst_post_opensTheDialogWithoutAWelcome() {
    post(ChatActor.bot(echo), dialogWith(ann), "I am here");
    assertThat(events.lines()).noneMatch(line -> line.startsWith("join"));
  }

  @Test
  void givenBotOutsideTheChat_post_isRefusedAndNothingIsStored() {
    ChatId chat = createChat(person(ann), ChatType.GROUP, List.of(ben));
    assertRefused(
        () -> post(ChatActor.bot(echo), new DialogId.InChat(chat), "let me in"),
        "WRONG_REQUEST",
        "Message isn't added");
    assertThat(read(ann, new DialogId.InChat(chat), 0, 0, 20).messages()).isEmpty();
  }

  @Test
  void givenBotWritingToAnotherBotOrNobody_post_isRefused() {
    UserId other = bot(OTHER_APP, "other", "B", "N");
    assertRefused(
        () -> post(ChatActor.bot(echo), dialogWith(other), "hi"),
        "WRONG_REQUEST",
        "Message isn't added");
    assertRefused(
        () -> post(ChatActor.bot(echo), dialogWith(UserId.of(9999)), "hi"),
        "WRONG_REQUEST",
        "Message isn't added");
  }

  @Test
  void givenPersonWritingToNobodyOrThemselves_post_isRefused() {
    assertRefused(
        () -> post(person(ann), dialogWith(UserId.of(9999)), "hi"),
        "USER_NOT_FOUND",
        "User not found");
    assertRefused(
        () -> post(person(ann), dialogWith(ann), "hi"), "PARAMS_ERROR", "Incorrect params");
  }

  @Test
  void givenPersonOutsideTheChat_post_isRefused() {
    ChatId chat = createChat(person(ann), ChatType.GROUP, List.of());
    assertRefused(
        () -> post(person(ben), new DialogId.InChat(chat), "hi"),
        "PARAMS_ERROR",
        "Message isn't added");
  }

  @Test
  void givenPersonToNobodyWithBadAttach_post_namesTheUserFirst() {
    assertRefused(
        () ->
            messenger()
                .post(
                    new PostMessageCommand(
                        person(ann),
                        dialogWith(UserId.of(9999)),
                        "x",
                        "junk",
                        null,
                        null,
                        false,
                        true)),
        "USER_NOT_FOUND",
        "User not found");
  }

  @Test
  void givenBotOutsideTheChatWithBadAttach_post_namesTheAttachFirst() {
    ChatId chat = createChat(person(ann), ChatType.GROUP, List.of());
    assertRefused(
        () ->
            messenger()
                .post(
                    new PostMessageCommand(
                        ChatActor.bot(echo),
                        new DialogId.InChat(chat),
                        "x",
                        "junk",
                        null,
                        null,
                        false,
                        true)),
        "ATTACH_ERROR",
        "Incorrect attach params");
  }

  @Test
  void givenGroupChat_post_routesByMentionAndSupervisorOnePerApplication() {
    UserId watcher = bot(APP, "watcher", "S", "N");
    UserId foreign = bot(OTHER_APP, "foreign", "B", "N");
    ChatId chat = createChat(person(ann), ChatType.GROUP, List.of(ben, echo, watcher, foreign));
    MessageId plain = post(person(ben), new DialogId.InChat(chat), "hello all");
    MessageId mention =
        post(person(ben), new DialogId.InChat(chat), "[USER=" + echo + "]Echo[/USER], ping");

    assertThat(events.lines())
        .contains(
            "add " + plain + " to app.alpha[" + watcher + "]",
            "add " + mention + " to app.alpha[" + echo + ", " + watcher + "]");
  }

  // --- chats and members ---

  @Test
  void givenBotsAmongTheUsers_createChat_welcomesEachButTheCreatorAndLeavesUnknownUsersOut() {
    UserId other = bot(APP, "other", "B", "N");
    ChatId chat =
        new CreateChatService(messenger)
            .create(
                new CreateChatCommand(
                    ChatActor.bot(echo),
                    ChatType.OPEN,
                    new ChatDetails("Room", null, null, null, null),
                    List.of(ann, other, UserId.of(9999)),
                    "Welcome"));

    assertThat(events.lines()).first().isEqualTo("join O " + other + " by " + echo + " history");
    assertThat(reads().members(ann, chat))
        .containsExactly(echo.value(), ann.value(), other.value());
    assertThat(read(ann, new DialogId.InChat(chat), 0, 0, 20).messages())
        .extracting(Message::text)
        .containsExactly("Welcome");
  }

  @Test
  void givenHiddenHistory_addUsers_newcomerSeesOnlyLaterMessagesAndTheBotHearsItJoined() {
    ChatId chat = createChat(person(ann), ChatType.GROUP, List.of());
    post(person(ann), new DialogId.InChat(chat), "before");
    new AddChatUsersService(messenger)
        .add(new ChangeMembersCommand(person(ann), chat, List.of(ben, echo), true));
    post(person(ann), new DialogId.InChat(chat), "after");

    assertThat(read(ben, new DialogId.InChat(chat), 0, 0, 20).messages())
        .extracting(Message::text)
        .containsExactly("after");
    assertThat(events.lines()).contains("join C " + echo + " by " + ann + " no-history");
    assertRefused(
        () ->
            new AddChatUsersService(messenger)
                .add(new ChangeMembersCommand(person(ann), chat, List.of(ben), false)),
        "WRONG_REQUEST",
        "You don't have access or user already member in chat");
  }

  @Test
  void givenMembers_removeLeaveOwnerAndTitle_followTheChatsRules() {
    ChatId chat = createChat(person(ann), ChatType.GROUP, List.of(ben, echo));
    RemoveChatUserService remove = new RemoveChatUserService(messenger);
    ChangeChatSettingsService settings = new ChangeChatSettingsService(messenger);

    remove.remove(new RemoveChatUserCommand(ChatActor.bot(echo), chat, echo));
    settings.rename(new ChatSettingCommand(person(ben), chat, null, "Renamed"));
    settings.changeOwner(new ChatSettingCommand(person(ann), chat, ben, null));
    remove.remove(new RemoveChatUserCommand(person(ann), chat, ann));

    assertThat(reads().members(ben, chat)).containsExactly(ben.value());
    assertThat(reads().dialog(ben, new DialogId.InChat(chat)).chat().title()).isEqualTo("Renamed");
    assertRefused(
        () -> remove.remove(new RemoveChatUserCommand(person(ann), chat, ben)),
        "WRONG_REQUEST",
        "You don't have access or user isn't member in chat");
    assertThat(events.lines()).containsExactly("join C " + echo + " by " + ann + " history");
  }

  // --- edits, deletion, likes ---

  @Test
  void givenAuthorWithinTheWindow_update_editsAndRoutesTheNewText() {
    ChatId chat = createChat(person(ann), ChatType.GROUP, List.of(echo));
    MessageId id = post(person(ann), new DialogId.InChat(chat), "plain");
    update(
        person(ann),
        id,
        Optional.of("[USER=" + echo + "]E[/USER] now"),
        Optional.empty(),
        Optional.empty());

    Message stored = stored(id);
    assertThat(stored.text()).isEqualTo("[USER=" + echo + "]E[/USER] now");
    assertThat(stored.isEdited()).isTrue();
    assertThat(events.lines()).last().isEqualTo("update " + id + " to app.alpha[" + echo + "]");
  }

  @Test
  void givenSomeoneElseOrTheWindowPassed_update_isRefused() {
    MessageId id = post(person(ann), dialogWith(echo), "mine");
    assertRefused(
        () -> update(person(ben), id, Optional.of("x"), Optional.empty(), Optional.empty()),
        CANT_EDIT,
        "Time has expired for modification or you don't have access");
    clock.advance(Duration.ofDays(3).plusSeconds(1));
    assertRefused(
        () -> update(person(ann), id, Optional.of("x"), Optional.empty(), Optional.empty()),
        CANT_EDIT,
        "Time has expired for modification or you don't have access");
  }

  @Test
  void givenValidAttachButInvalidKeyboard_update_keepsNothing() {
    MessageId id = post(person(ann), dialogWith(echo), "mine");
    assertRefused(
        () ->
            update(
                person(ann),
                id,
                Optional.of("changed"),
                Optional.of(list(map("MESSAGE", "ok"))),
                Optional.of(list(map("TEXT", "no action")))),
        "KEYBOARD_ERROR",
        "Incorrect keyboard params");
    assertThat(stored(id).text()).isEqualTo("mine");
    assertThat(stored(id).content().attach()).isNull();
  }

  @Test
  void givenAttachThenN_update_setsAndRemovesIt() {
    MessageId id = post(person(ann), dialogWith(echo), "mine");
    update(
        person(ann),
        id,
        Optional.empty(),
        Optional.of(list(map("MESSAGE", "ok"))),
        Optional.empty());
    assertThat(stored(id).content().attach()).isEqualTo("{\"BLOCKS\":[{\"MESSAGE\":\"ok\"}]}");
    update(person(ann), id, Optional.empty(), Optional.of("N"), Optional.empty());
    assertThat(stored(id).content().attach()).isNull();
  }

  @Test
  void givenEmptyText_update_deletesTheMessage() {
    MessageId id = post(person(ann), dialogWith(echo), "mine");
    update(person(ann), id, Optional.of(""), Optional.empty(), Optional.empty());
    assertThat(stored(id).isDeleted()).isTrue();
    assertThat(events.lines()).last().isEqualTo("delete " + id + " to app.alpha[" + echo + "]");
  }

  @Test
  void givenDeletion_delete_leavesAPlaceholderOrNothing() {
    MessageId kept = post(person(ann), dialogWith(echo), "one");
    MessageId gone = post(person(ann), dialogWith(echo), "two");
    DeleteMessageService delete = new DeleteMessageService(messenger);
    delete.delete(new DeleteMessageCommand(person(ann), kept, false));
    delete.delete(new DeleteMessageCommand(person(ann), gone, true));

    assertThat(stored(kept).text()).isEqualTo("Message from 2026-03-11 10:15:30 was deleted");
    assertThat(messengerPortal().messages().find(gone)).isEmpty();
    assertRefused(
        () -> delete.delete(new DeleteMessageCommand(person(ann), kept, false)),
        CANT_EDIT,
        "Time has expired for modification or you don't have access");
  }

  @Test
  void givenMemberAndStranger_like_togglesForTheMemberOnly() {
    MessageId id = post(person(ann), dialogWith(echo), "likeable");
    LikeMessageService like = new LikeMessageService(messenger);
    like.like(new LikeMessageCommand(ChatActor.bot(echo), id, LikeAction.AUTO));
    assertThat(stored(id).likes()).containsExactly(echo);
    assertRefused(
        () -> like.like(new LikeMessageCommand(ChatActor.bot(echo), id, LikeAction.PLUS)),
        "WITHOUT_CHANGES",
        "Action completed without changes");
    assertRefused(
        () -> like.like(new LikeMessageCommand(person(ben), id, LikeAction.PLUS)),
        "WITHOUT_CHANGES",
        "Action completed without changes");
  }

  // --- reading ---

  @Test
  void givenPersonOpeningADialogWithABot_dialog_createsItOnceAndWelcomesTheBot() {
    assertThat(reads().dialog(ann, dialogWith(echo)).dialogId()).isEqualTo(echo.toString());
    reads().dialog(ann, dialogWith(echo));
    assertThat(events.lines()).containsExactly("join P " + echo + " by " + ann);
  }

  @Test
  void givenClosedChatOfOthers_dialog_isRefusedButAnOpenChatIsNot() {
    ChatId closed = createChat(person(ann), ChatType.GROUP, List.of());
    ChatId open = createChat(person(ann), ChatType.OPEN, List.of());
    assertRefused(
        () -> reads().dialog(ben, new DialogId.InChat(closed)),
        "ACCESS_ERROR",
        "You do not have access to the specified dialog");
    assertRefused(
        () -> reads().dialog(ben, new DialogId.InChat(ChatId.of(999_999))),
        "ACCESS_ERROR",
        "You don't have access to this chat");
    assertThat(reads().dialog(ben, new DialogId.InChat(open)).chat().id()).isEqualTo(open);
  }

  @Test
  void givenSixMessages_messages_pagesNewestFirstByFirstAndLastId() {
    ChatId chat = createChat(person(ann), ChatType.GROUP, List.of());
    List<MessageId> ids =
        List.of("1", "2", "3", "4", "5", "6").stream()
            .map(t -> post(person(ann), new DialogId.InChat(chat), t))
            .toList();
    DialogId dialog = new DialogId.InChat(chat);
    assertThat(read(ann, dialog, 0, 0, 2).messages())
        .extracting(Message::text)
        .containsExactly("6", "5");
    assertThat(read(ann, dialog, 0, ids.get(4).value(), 2).messages())
        .extracting(Message::text)
        .containsExactly("4", "3");
    assertThat(read(ann, dialog, ids.get(1).value(), ids.get(4).value(), 2).messages())
        .extracting(Message::text)
        .containsExactly("4", "3");
    assertThat(read(ann, dialog, 0, 999_999_999, 50).messages()).hasSize(6);
  }

  @Test
  void givenBotIdOrNot_resolve_takesTheGivenBotOrTheApplicationsFirst() {
    UserId second = bot(APP, "second", "B", "N");
    ResolveBotService resolve = new ResolveBotService(portal.bots());
    assertThat(resolve.resolve(APP, null).userId()).isEqualTo(echo);
    assertThat(resolve.resolve(APP, second.toString()).userId()).isEqualTo(second);
    assertRefused(() -> resolve.resolve(OTHER_APP, null), "BOT_ID_ERROR", "Bot not found");
    assertRefused(
        () -> resolve.resolve(OTHER_APP, echo.toString()),
        "APP_ID_ERROR",
        "Bot was installed by another rest application");
    assertRefused(() -> resolve.resolve(APP, ""), "BOT_ID_ERROR", "Bot not found");
  }

  // --- concurrency ---

  @Test
  void givenManyPeoplePostingAtOnce_post_losesNothingAndIdsFollowCommitOrder() throws Exception {
    ChatId chat = createChat(person(ann), ChatType.GROUP, List.of(ben));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<MessageId>> posted =
          java.util.stream.IntStream.range(0, 80)
              .mapToObj(
                  i ->
                      pool.submit(
                          () ->
                              post(
                                  person(i % 2 == 0 ? ann : ben),
                                  new DialogId.InChat(chat),
                                  "m" + i)))
              .toList();
      for (Future<MessageId> f : posted) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    List<Message> all = read(ann, new DialogId.InChat(chat), 0, 0, 50).messages();
    assertThat(all).hasSize(50);
    assertThat(messengerPortal().messages().countIn(chat)).isEqualTo(80);
    assertThat(all)
        .extracting(m -> m.id().value())
        .isSortedAccordingTo((a, b) -> Long.compare(b, a));
  }

  @Test
  void givenBothSidesOpeningAtOnce_openPrivate_createsOneDialog() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<MessageId> one = pool.submit(() -> post(person(ann), dialogWith(ben), "hi Ben"));
      Future<MessageId> two = pool.submit(() -> post(person(ben), dialogWith(ann), "hi Ann"));
      one.get();
      two.get();
    } finally {
      pool.shutdownNow();
    }
    assertThat(read(ann, dialogWith(ben), 0, 0, 20).messages()).hasSize(2);
    assertThat(read(ben, dialogWith(ann), 0, 0, 20).chat())
        .isEqualTo(read(ann, dialogWith(ben), 0, 0, 20).chat());
  }

  // --- events through the outbox ---

  private PostMessageService outboxPosting() {
    return new PostMessageService(outboxMessenger());
  }

  private Messenger outboxMessenger() {
    return outboxMessenger(portal.outbox());
  }

  private Messenger outboxMessenger(EventOutbox outbox) {
    return new Messenger(
        portal.chats(),
        portal.messages(),
        portal.bots(),
        portal.people(),
        portal.unitOfWork(),
        clock,
        EditWindow.DEFAULT,
        new OutboxChatEvents(portal.handlers(), outbox, clock));
  }

  private static String at(PendingEvent event, String... path) {
    EventData node = event.data();
    for (int i = 0; i < path.length - 1; i++) {
      node = node.nested(path[i]).orElseThrow(() -> new AssertionError("no " + List.of(path)));
    }
    return node.text(path[path.length - 1]).orElse(null);
  }

  @Test
  void givenPersonWritingToABot_events_areTheWelcomeThenTheMessageInBitrixShape() {
    MessageId id =
        outboxPosting()
            .post(
                new PostMessageCommand(
                    person(ann), dialogWith(echo), "Привет", null, null, null, false, true));

    List<PendingEvent> events = portal.enqueuedEvents();
    assertThat(events)
        .extracting(PendingEvent::event)
        .containsExactly("ONIMBOTJOINCHAT", "ONIMBOTMESSAGEADD");
    PendingEvent join = events.get(0);
    assertThat(at(join, "PARAMS", "CHAT_TYPE")).isEqualTo("P");
    assertThat(at(join, "PARAMS", "DIALOG_ID")).isEqualTo(ann.toString());
    assertThat(at(join, "PARAMS", "USER_ID")).isEqualTo(ann.toString());
    assertThat(at(join, "PARAMS", "TO_USER_ID")).isEqualTo(ann.toString());
    assertThat(at(join, "PARAMS", "FROM_USER_ID")).isEqualTo(echo.toString());
    assertThat(at(join, "BOT", echo.toString(), "BOT_CODE")).isEqualTo("echo");
    assertThat(join.handler().value()).isEqualTo("https://bot.example.com/welcome");
    PendingEvent add = events.get(1);
    assertThat(at(add, "PARAMS", "MESSAGE")).isEqualTo("Привет");
    assertThat(at(add, "PARAMS", "MESSAGE_ID")).isEqualTo(id.toString());
    assertThat(at(add, "PARAMS", "DIALOG_ID")).isEqualTo(ann.toString());
    assertThat(at(add, "PARAMS", "FROM_USER_ID")).isEqualTo(ann.toString());
    assertThat(at(add, "PARAMS", "AUTHOR_ID")).isEqualTo(ann.toString());
    assertThat(at(add, "PARAMS", "TO_USER_ID")).isEqualTo(echo.toString());
    assertThat(at(add, "PARAMS", "CHAT_TYPE")).isEqualTo("P");
    assertThat(at(add, "PARAMS", "MESSAGE_TYPE")).isEqualTo("P");
    assertThat(at(add, "PARAMS", "SYSTEM")).isEqualTo("N");
    assertThat(at(add, "PARAMS", "LANGUAGE")).isEqualTo("en");
    assertThat(at(add, "PARAMS", "TO_CHAT_ID")).isNotBlank();
    assertThat(add.data().nested("PARAMS").orElseThrow().text("MESSAGE_ORIGINAL")).isEmpty();
    assertThat(at(add, "USER", "ID")).isEqualTo(ann.toString());
    assertThat(at(add, "USER", "IS_BOT")).isEqualTo("N");
    assertThat(at(add, "BOT", echo.toString(), "BOT_ID")).isEqualTo(echo.toString());
    assertThat(add.subjects().actingUser()).isEqualTo(ann);
    assertThat(add.subjects().bots()).containsExactly(echo);
    assertThat(add.application()).isEqualTo(APP);
  }

  @Test
  void givenTwoMentionedBotsOfOneApplication_events_areOneEventNamingBoth() {
    UserId second = bot(APP, "second", "B", "N");
    ChatId chat = createChat(person(ann), ChatType.GROUP, List.of(echo, second));
    int before = portal.enqueuedEvents().size();
    outboxPosting()
        .post(
            new PostMessageCommand(
                person(ann),
                new DialogId.InChat(chat),
                "[USER=" + echo + "]E[/USER], [USER=" + second + "]S[/USER] go",
                null,
                null,
                null,
                false,
                true));

    List<PendingEvent> events = portal.enqueuedEvents();
    assertThat(events).hasSize(before + 1);
    PendingEvent add = events.get(before);
    assertThat(add.data().nested("BOT").orElseThrow().asMap())
        .containsOnlyKeys(echo.toString(), second.toString());
    assertThat(at(add, "PARAMS", "MESSAGE")).isEqualTo("go");
    assertThat(at(add, "PARAMS", "TO_USER_ID")).isEqualTo(echo.toString());
    assertThat(at(add, "PARAMS", "DIALOG_ID")).isEqualTo("chat" + chat);
    assertThat(at(add, "PARAMS", "MENTIONED_LIST", second.toString())).isEqualTo(second.toString());
    assertThat(at(add, "PARAMS", "MESSAGE_ORIGINAL")).startsWith("[USER=");
    assertThat(at(add, "PARAMS", "CHAT_AUTHOR_ID")).isEqualTo(ann.toString());
  }

  @Test
  void givenBotAddedToAChatLater_events_haveItsJoinWithHistoryFlag() {
    ChatId chat = createChat(person(ann), ChatType.OPEN, List.of(ben));
    new AddChatUsersService(outboxMessenger())
        .add(new ChangeMembersCommand(person(ben), chat, List.of(echo), true));
    PendingEvent join = portal.enqueuedEvents().get(0);
    assertThat(join.event()).isEqualTo("ONIMBOTJOINCHAT");
    assertThat(at(join, "PARAMS", "CHAT_TYPE")).isEqualTo("O");
    assertThat(at(join, "PARAMS", "USER_ID")).isEqualTo(ben.toString());
    assertThat(at(join, "PARAMS", "ACCESS_HISTORY")).isEqualTo("0");
    assertThat(at(join, "PARAMS", "DIALOG_ID")).isEqualTo("chat" + chat);
  }

  @Test
  void givenEditsWithAndWithoutTheUpdateHandler_events_goOnlyWhereBound() {
    UserId watcher =
        UserId.of(
            register(
                    TestCommands.minimal(OTHER_APP, "watcher")
                        .type("S")
                        .handler(BotEvent.MESSAGE_UPDATE, "https://bot.example.com/update")
                        .handler(BotEvent.MESSAGE_DELETE, "https://bot.example.com/del"))
                .botId()
                .value());
    ChatId chat = createChat(person(ann), ChatType.GROUP, List.of(echo, watcher));
    Messenger withOutbox = outboxMessenger();
    MessageId id =
        new PostMessageService(withOutbox)
            .post(
                new PostMessageCommand(
                    person(ann),
                    new DialogId.InChat(chat),
                    "[USER=" + echo + "]E[/USER] hi",
                    null,
                    null,
                    null,
                    false,
                    true));
    new UpdateMessageService(withOutbox)
        .update(
            new UpdateMessageCommand(
                person(ann),
                id,
                Optional.of("[USER=" + echo + "]E[/USER] edited"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                true));
    new DeleteMessageService(withOutbox).delete(new DeleteMessageCommand(person(ann), id, false));

    List<PendingEvent> edits =
        portal.enqueuedEvents().stream()
            .filter(e -> !e.event().equals("ONIMBOTMESSAGEADD"))
            .toList();
    assertThat(edits)
        .extracting(PendingEvent::event)
        .containsExactly("ONIMBOTMESSAGEUPDATE", "ONIMBOTMESSAGEDELETE");
    assertThat(edits).extracting(PendingEvent::application).containsOnly(OTHER_APP);
    assertThat(at(edits.get(0), "PARAMS", "MESSAGE")).isEqualTo("edited");
    assertThat(at(edits.get(1), "PARAMS", "MESSAGE"))
        .isEqualTo("Message from 2026-03-11 10:15:30 was deleted");
  }

  @Test
  void givenARefusedMessage_events_recordNothing() {
    ChatId chat = createChat(person(ann), ChatType.GROUP, List.of());
    assertRefused(
        () ->
            outboxPosting()
                .post(
                    new PostMessageCommand(
                        ChatActor.bot(echo),
                        new DialogId.InChat(chat),
                        "x",
                        null,
                        null,
                        null,
                        false,
                        true)),
        "WRONG_REQUEST",
        "Message isn't added");
    assertThat(portal.enqueuedEvents()).isEmpty();
  }

  // --- listing a user's chats (the console's Chat page) ---

  @Test
  void givenPersonInADialogAndTwoChats_listChats_pagesThemNewestFirstNamedAsThePersonSeesThem() {
    post(person(ann), dialogWith(echo), "Hello");
    ChatId first = createChat(person(ann), ChatType.GROUP, List.of(ben));
    ChatId second = createChat(person(ben), ChatType.OPEN, List.of(ann, echo));
    createChat(person(ben), ChatType.GROUP, List.of()); // Ann is not in it
    ListChatsService lists = new ListChatsService(messenger);

    ChatList page = lists.list(new ListChatsQuery(ann, 0, 2));
    assertThat(page.total()).isEqualTo(3);
    assertThat(page.chats()).extracting(ChatListing::chat).containsExactly(second, first);
    assertThat(page.chats().get(0).dialogId()).isEqualTo(second.dialogId());
    assertThat(page.chats().get(0).memberCount()).isEqualTo(3);

    ChatListing dialog = lists.list(new ListChatsQuery(ann, 2, 2)).chats().get(0);
    assertThat(dialog.type()).isEqualTo(ChatType.PRIVATE);
    assertThat(dialog.dialogId()).isEqualTo(echo.toString());
    assertThat(dialog.other().bot()).isTrue();
    assertThat(dialog.title()).isEqualTo(dialog.other().fullName());
    assertThat(dialog.lastMessageId()).isPositive();
    assertThat(lists.list(new ListChatsQuery(ben, 0, 10)).chats()).hasSize(3);
  }

  @Test
  void givenAChat_members_namesThemForAMemberAndNobodyElse() {
    ChatId chat = createChat(person(ann), ChatType.GROUP, List.of(echo));
    ListChatsService lists = new ListChatsService(messenger);

    assertThat(lists.members(ann, chat))
        .extracting(u -> u.id(), u -> u.bot())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ann.value(), false),
            org.assertj.core.groups.Tuple.tuple(echo.value(), true));
    assertThat(lists.members(ben, chat)).isEmpty();
  }

  // --- the deliveries each message caused (the console's Chat page) ---

  @Test
  void givenMessagesThatCausedEvents_listMessageDeliveries_givesEachMessageItsOwnDeliveries() {
    Messenger linked =
        outboxMessenger(new MessageLinkingOutbox(portal.outbox(), portal.messageDeliveries()));
    PostMessageService posting = new PostMessageService(linked);
    MessageId first =
        posting.post(
            new PostMessageCommand(
                person(ann), dialogWith(echo), "Hello", null, null, null, false, true));
    MessageId second =
        posting.post(
            new PostMessageCommand(
                person(ann), dialogWith(echo), "Again", null, null, null, false, true));
    MessageId quiet =
        posting.post(
            new PostMessageCommand(
                ChatActor.bot(echo), dialogWith(ann), "Hi", null, null, null, false, true));

    Map<MessageId, List<Delivery>> found =
        new ListMessageDeliveriesService(portal.messageDeliveries())
            .list(List.of(first, second, quiet));

    assertThat(found).containsOnlyKeys(first, second);
    assertThat(found.get(first)).hasSize(1);
    Delivery delivery = found.get(first).get(0);
    assertThat(delivery.event().event()).isEqualTo("ONIMBOTMESSAGEADD");
    assertThat(delivery.status()).isEqualTo(DeliveryStatus.PENDING);
    assertThat(at(delivery.event(), "PARAMS", "MESSAGE_ID")).isEqualTo(first.toString());
    assertThat(at(found.get(second).get(0).event(), "PARAMS", "MESSAGE")).isEqualTo("Again");
    assertThat(portal.enqueuedEvents())
        .extracting(PendingEvent::event)
        .as("the welcome is about no message, and is linked to none")
        .containsExactly("ONIMBOTJOINCHAT", "ONIMBOTMESSAGEADD", "ONIMBOTMESSAGEADD");
  }

  // --- "… is typing" ---

  @Test
  void givenABotTypingInItsDialog_typingIn_showsItToThePersonUntilItAnswersOrTimePasses() {
    post(person(ann), dialogWith(echo), "Hello");
    ChatId dialog = reads().dialog(ann, dialogWith(echo)).chat().id();
    TypingService typing = new TypingService(messenger, Duration.ofSeconds(6));

    typing.typing(ChatActor.bot(echo), dialogWith(ann));
    assertThat(typing.typingIn(ann, dialog)).extracting(u -> u.id()).containsExactly(echo.value());
    assertThat(typing.typingIn(echo, dialog)).as("not to itself").isEmpty();
    assertThat(typing.typingIn(ben, dialog)).as("not to an outsider").isEmpty();
    clock.advance(Duration.ofSeconds(6));
    assertThat(typing.typingIn(ann, dialog)).as("a mark lasts six seconds").isEmpty();

    typing.typing(ChatActor.bot(echo), dialogWith(ann));
    post(ChatActor.bot(echo), dialogWith(ann), "Hi");
    assertThat(typing.typingIn(ann, dialog)).as("its answer ends the mark").isEmpty();
  }

  @Test
  void givenAPersonWritingToABot_post_looksTheBotUpOncePerMessage() {
    // The target's existence, its being a bot and the chat's member bots are one bot row.
    java.util.concurrent.atomic.AtomicInteger lookups =
        new java.util.concurrent.atomic.AtomicInteger();
    Bots counted =
        (Bots)
            java.lang.reflect.Proxy.newProxyInstance(
                Bots.class.getClassLoader(),
                new Class<?>[] {Bots.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("findById")) {
                    lookups.incrementAndGet();
                  }
                  try {
                    return method.invoke(portal.bots(), args);
                  } catch (java.lang.reflect.InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    PostMessageService posting =
        new PostMessageService(
            new Messenger(
                portal.chats(),
                portal.messages(),
                counted,
                portal.people(),
                portal.unitOfWork(),
                clock,
                EditWindow.DEFAULT,
                events));
    PostMessageCommand hello =
        new PostMessageCommand(
            person(ann), dialogWith(echo), "Hello", null, null, null, false, true);

    posting.post(hello); // opens the dialog
    lookups.set(0);
    posting.post(hello);

    assertThat(lookups.get()).isEqualTo(1);
    assertThat(events.lines())
        .filteredOn(line -> line.startsWith("add "))
        .hasSize(2)
        .allMatch(line -> line.contains(" to "), "routed to the bot's application");
  }

  @Test
  void givenABotTypingWhereItIsNotAMember_typing_keepsNoMark() {
    ChatId chat = createChat(person(ann), ChatType.GROUP, List.of(ben));
    TypingService typing = new TypingService(messenger, Duration.ofSeconds(6));

    typing.typing(ChatActor.bot(echo), new DialogId.InChat(chat));
    typing.typing(ChatActor.bot(echo), dialogWith(ben)); // no dialog with Ben yet

    assertThat(typing.typingIn(ann, chat)).isEmpty();
    assertThat(portal.chats().findPrivate(echo, ben)).as("typing opens nothing").isEmpty();
  }

  // --- helpers ---

  private PostMessageService messenger() {
    return new PostMessageService(messenger);
  }

  private ReadChatsService reads() {
    return new ReadChatsService(messenger);
  }

  private static ChatActor person(UserId user) {
    return ChatActor.person(user);
  }

  private static DialogId dialogWith(UserId user) {
    return new DialogId.WithUser(user);
  }

  private MessageId post(ChatActor author, DialogId dialog, String text) {
    return messenger()
        .post(new PostMessageCommand(author, dialog, text, null, null, null, false, true));
  }

  private ChatId createChat(ChatActor creator, ChatType type, List<UserId> users) {
    return new CreateChatService(messenger)
        .create(new CreateChatCommand(creator, type, ChatDetails.NONE, users, null));
  }

  private void update(
      ChatActor actor,
      MessageId id,
      Optional<String> text,
      Optional<Object> attach,
      Optional<Object> keyboard) {
    new UpdateMessageService(messenger)
        .update(
            new UpdateMessageCommand(
                actor, id, text, attach, keyboard, Optional.empty(), Optional.empty(), true));
  }

  private MessagePage read(UserId viewer, DialogId dialog, long firstId, long lastId, int limit) {
    return reads().messages(new MessagePageQuery(viewer, dialog, firstId, lastId, limit));
  }

  private Message stored(MessageId id) {
    return messengerPortal().messages().find(id).orElseThrow();
  }

  private static void assertRefused(ThrowingCallable call, String code, String text) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            RejectedException.class,
            e -> {
              assertThat(e.rejection().error().code()).isEqualTo(code);
              assertThat(e.rejection().error().description()).isEqualTo(text);
            });
  }

  private static Map<String, Object> list(Object... items) {
    Map<String, Object> list = new LinkedHashMap<>();
    for (int i = 0; i < items.length; i++) {
      list.put(String.valueOf(i), items[i]);
    }
    return list;
  }

  private static Map<String, Object> map(String key, Object value, Object... more) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put(key, value);
    for (int i = 0; i < more.length; i += 2) {
      map.put((String) more[i], more[i + 1]);
    }
    return map;
  }

  /** A clock the edit-window tests move forward. */
  private static final class MovableClock extends Clock {
    private volatile Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
