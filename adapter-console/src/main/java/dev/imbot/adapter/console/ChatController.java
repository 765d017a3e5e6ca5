package dev.imbot.adapter.console;

import static dev.imbot.adapter.console.ConsoleSteps.blankToNull;
import static dev.imbot.adapter.console.ConsoleSteps.number;

import dev.imbot.adapter.console.view.BotSearch;
import dev.imbot.adapter.console.view.ChatDialog;
import dev.imbot.adapter.console.view.ChatEntry;
import dev.imbot.adapter.console.view.ChatMessage;
import dev.imbot.adapter.console.view.ChatMessages;
import dev.imbot.adapter.console.view.ChatPage;
import dev.imbot.adapter.console.view.ChatPeer;
import dev.imbot.adapter.console.view.DeliveryBadge;
import dev.imbot.adapter.console.view.Flash;
import dev.imbot.adapter.console.view.Layout;
import dev.imbot.adapter.console.view.MessagePage;
import dev.imbot.adapter.console.view.Option;
import dev.imbot.adapter.console.view.Paged;
import dev.imbot.adapter.console.view.Section;
import dev.imbot.application.port.in.bot.ListBotsQuery;
import dev.imbot.application.port.in.bot.ListBotsUseCase;
import dev.imbot.application.port.in.chat.ChatActor;
import dev.imbot.application.port.in.chat.ChatList;
import dev.imbot.application.port.in.chat.ChatUser;
import dev.imbot.application.port.in.chat.CreateChatCommand;
import dev.imbot.application.port.in.chat.CreateChatUseCase;
import dev.imbot.application.port.in.chat.DeleteMessageCommand;
import dev.imbot.application.port.in.chat.DeleteMessageUseCase;
import dev.imbot.application.port.in.chat.DialogView;
import dev.imbot.application.port.in.chat.ListChatsQuery;
import dev.imbot.application.port.in.chat.ListChatsUseCase;
import dev.imbot.application.port.in.chat.ListMessageDeliveriesUseCase;
import dev.imbot.application.port.in.chat.MessagePageQuery;
import dev.imbot.application.port.in.chat.PostMessageCommand;
import dev.imbot.application.port.in.chat.PostMessageUseCase;
import dev.imbot.application.port.in.chat.ReadChatsUseCase;
import dev.imbot.application.port.in.chat.TypingUseCase;
import dev.imbot.application.port.in.chat.UpdateMessageCommand;
import dev.imbot.application.port.in.chat.UpdateMessageUseCase;
import dev.imbot.application.port.in.command.PressButtonCommand;
import dev.imbot.application.port.in.command.PressButtonUseCase;
import dev.imbot.application.port.in.portal.AdministerPeopleUseCase;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.bot.BotSummary;
import dev.imbot.domain.chat.ChatDetails;
import dev.imbot.domain.chat.ChatId;
import dev.imbot.domain.chat.ChatType;
import dev.imbot.domain.chat.DialogId;
import dev.imbot.domain.chat.Message;
import dev.imbot.domain.chat.MessageId;
import dev.imbot.domain.event.Delivery;
import dev.imbot.domain.portal.Person;
import dev.imbot.domain.portal.UserId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Console adapter: the Chat page. The operator acts as one of the portal's people (named in the
 * address, {@code ?as=}), lists their dialogs and chats, opens a dialog with a bot, creates a group
 * chat, and writes, edits and deletes messages through the messenger's use cases. The open dialog's
 * messages are a fragment of their own, which the page's script polls and replaces; every change
 * works as a plain form too (post/redirect/get), and answers {@code 204} (or the refusal in words
 * with {@code 422}) to the script, which says so with {@value #FETCH}.
 */
@Controller("/console/chat")
@ExecuteOn(TaskExecutors.BLOCKING)
final class ChatController {
  static final String FETCH = "X-Console-Fetch";
  private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED;
  private static final int MESSAGES_SHOWN = MessagePageQuery.MAX_LIMIT;

  private final Pages pages;
  private final AdministerPeopleUseCase people;
  private final ListBotsUseCase listBots;
  private final ListChatsUseCase listChats;
  private final ReadChatsUseCase readChats;
  private final PostMessageUseCase postMessage;
  private final UpdateMessageUseCase updateMessage;
  private final DeleteMessageUseCase deleteMessage;
  private final CreateChatUseCase createChat;
  private final ListMessageDeliveriesUseCase messageDeliveries;
  private final TypingUseCase typing;
  private final PressButtonUseCase pressButton;

  ChatController(
      Pages pages,
      AdministerPeopleUseCase people,
      ListBotsUseCase listBots,
      ListChatsUseCase listChats,
      ReadChatsUseCase readChats,
      PostMessageUseCase postMessage,
      UpdateMessageUseCase updateMessage,
      DeleteMessageUseCase deleteMessage,
      CreateChatUseCase createChat,
      ListMessageDeliveriesUseCase messageDeliveries,
      TypingUseCase typing,
      PressButtonUseCase pressButton) {
    this.pages = pages;
    this.people = people;
    this.listBots = listBots;
    this.listChats = listChats;
    this.readChats = readChats;
    this.postMessage = postMessage;
    this.updateMessage = updateMessage;
    this.deleteMessage = deleteMessage;
    this.createChat = createChat;
    this.messageDeliveries = messageDeliveries;
    this.typing = typing;
    this.pressButton = pressButton;
  }

  @Get
  HttpResponse<?> page(
      HttpRequest<?> request,
      @Nullable @QueryValue String as,
      @Nullable @QueryValue String dialog,
      @Nullable @QueryValue String page,
      @Nullable @QueryValue String q,
      @Nullable @QueryValue String edit,
      @Nullable @QueryValue String draft) {
    ConsoleSession session = required(request);
    List<Person> everyone = people.list();
    Optional<Person> acting = acting(everyone, as);
    if (acting.isEmpty()) {
      return pages.ok(
          "message",
          new MessagePage(
              "Nobody to act as",
              "The Chat page acts as one of the portal's people. Add a person first.",
              "/console/applications#people",
              "Add a person"));
    }
    long actingAs = acting.get().id().value();
    Flash flash = session.takeFlash();
    ChatDialog open = null;
    ChatMessage editing = null;
    Optional<DialogId> dialogId = DialogId.tryParse(dialog);
    if (dialogId.isPresent()) {
      try {
        open = dialog(UserId.of(actingAs), dialogId.get(), session.csrf());
        editing = editing(open, edit);
      } catch (RuntimeException refused) {
        flash = Flash.failed(ErrorsInWords.of(refused).orElseThrow(() -> refused));
      }
    }
    int chatPage = pageNumber(page);
    ChatList chats =
        listChats.list(
            new ListChatsQuery(
                UserId.of(actingAs),
                (chatPage - 1) * ChatPage.CHATS_PER_PAGE,
                ChatPage.CHATS_PER_PAGE));
    String openId = open == null ? null : open.messages().dialogId();
    List<ChatEntry> entries =
        chats.chats().stream().map(c -> ChatEntry.of(c, actingAs, openId)).toList();
    int chatPages =
        (int) Math.max(1, (chats.total() + ChatPage.CHATS_PER_PAGE - 1) / ChatPage.CHATS_PER_PAGE);
    BotSearch search = BotSearch.of(q, null, null, null);
    List<BotSummary> allBots = listBots.listBots(new ListBotsQuery());
    List<ChatPeer> found =
        allBots.stream()
            .filter(search::matches)
            .limit(ChatPage.BOTS_SHOWN)
            .map(ChatPeer::of)
            .toList();
    long matching = allBots.stream().filter(search::matches).count();
    List<ChatPeer> candidates = new ArrayList<>();
    everyone.stream()
        .filter(p -> p.id().value() != actingAs)
        .map(p -> new ChatPeer(p.id().value(), fullName(p), "person", false))
        .forEach(candidates::add);
    candidates.addAll(found);
    List<Option> choices =
        everyone.stream()
            .map(
                p ->
                    new Option(
                        String.valueOf(p.id().value()),
                        fullName(p) + " · " + p.id().value(),
                        p.id().value() == actingAs))
            .toList();
    return pages.ok(
        "chat",
        new ChatPage(
            Layout.of(
                open == null ? "Chat" : open.title() + " · Chat",
                Section.CHAT,
                session.csrf(),
                flash),
            actingAs,
            choices,
            entries,
            new Paged<>(entries, Math.min(chatPage, chatPages), chatPages, (int) chats.total()),
            search.text(),
            found,
            botSummary(matching, search),
            candidates,
            open,
            editing,
            draft));
  }

  /** The open dialog's messages alone: what the page's script polls (304 while unchanged). */
  @Get("/messages")
  HttpResponse<?> messages(
      HttpRequest<?> request,
      @Nullable @QueryValue String as,
      @Nullable @QueryValue String dialog) {
    ConsoleSession session = required(request);
    Optional<Person> acting = acting(people.list(), as);
    Optional<DialogId> dialogId = DialogId.tryParse(dialog);
    if (acting.isEmpty() || dialogId.isEmpty()) {
      return HttpResponse.notFound();
    }
    ChatDialog open;
    try {
      open = dialog(acting.get().id(), dialogId.get(), session.csrf());
    } catch (RuntimeException refused) {
      String words = ErrorsInWords.of(refused).orElseThrow(() -> refused);
      return HttpResponse.status(HttpStatus.FORBIDDEN).body(words);
    }
    String html = pages.render("parts/messages", open.messages());
    String etag = "\"" + digest(html) + "\"";
    if (etag.equals(request.getHeaders().get(HttpHeaders.IF_NONE_MATCH))) {
      return HttpResponse.notModified().header(HttpHeaders.ETAG, etag);
    }
    return HttpResponse.ok(html)
        .contentType(MediaType.TEXT_HTML_TYPE.toString() + ";charset=utf-8")
        .header(HttpHeaders.ETAG, etag);
  }

  @Post(uri = "/open", consumes = FORM)
  HttpResponse<?> openDialog(
      HttpRequest<?> request, @Nullable String csrf, @Nullable String as, @Nullable String bot) {
    return change(
        request,
        csrf,
        as,
        null,
        person -> {
          UserId other = UserId.of(number(bot, "Bot"));
          DialogView opened = readChats.dialog(person, new DialogId.WithUser(other));
          return ChatPage.href(person.value(), opened.dialogId());
        });
  }

  @Post(uri = "/create", consumes = FORM)
  HttpResponse<?> create(
      HttpRequest<?> request,
      @Nullable String csrf,
      @Nullable String as,
      @Nullable String title,
      @Nullable List<String> members) {
    return change(
        request,
        csrf,
        as,
        null,
        person -> {
          if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("Give the chat a title.");
          }
          List<UserId> users = new ArrayList<>();
          for (String member : members == null ? List.<String>of() : members) {
            users.add(UserId.of(number(member, "Member")));
          }
          ChatId chat =
              createChat.create(
                  new CreateChatCommand(
                      ChatActor.person(person),
                      ChatType.GROUP,
                      new ChatDetails(title.strip(), null, null, null, null),
                      users,
                      null));
          return ChatPage.href(person.value(), chat.dialogId());
        });
  }

  @Post(uri = "/send", consumes = FORM)
  HttpResponse<?> send(
      HttpRequest<?> request,
      @Nullable String csrf,
      @Nullable String as,
      @Nullable String dialog,
      @Nullable String text) {
    return change(
        request,
        csrf,
        as,
        dialog,
        person -> {
          post(person, dialog, text);
          return ChatPage.href(person.value(), dialog);
        });
  }

  /**
   * A keyboard button's command pressed as the person ({@code im.message.command}): the bot's
   * application hears {@code ONIMCOMMANDADD} with {@code COMMAND_CONTEXT=KEYBOARD}; nothing is
   * posted to the dialog. The use case checks that the message carries the button.
   */
  @Post(uri = "/press", consumes = FORM)
  HttpResponse<?> press(
      HttpRequest<?> request,
      @Nullable String csrf,
      @Nullable String as,
      @Nullable String dialog,
      @Nullable String message,
      @Nullable String bot,
      @Nullable String command,
      @Nullable String params) {
    return change(
        request,
        csrf,
        as,
        dialog,
        person -> {
          pressButton.press(
              new PressButtonCommand(
                  person,
                  MessageId.of(number(message, "Message")),
                  BotId.of(number(bot, "Bot")),
                  command == null ? "" : command,
                  params == null ? "" : params));
          return ChatPage.href(person.value(), dialog);
        });
  }

  @Post(uri = "/messages/{id}/edit", consumes = FORM)
  HttpResponse<?> edit(
      HttpRequest<?> request,
      @PathVariable String id,
      @Nullable String csrf,
      @Nullable String as,
      @Nullable String dialog,
      @Nullable String text) {
    return change(
        request,
        csrf,
        as,
        dialog,
        person -> {
          String changed = text == null ? "" : text.strip();
          if (changed.isEmpty()) {
            throw new IllegalArgumentException(
                "Write the new text, or delete the message instead.");
          }
          updateMessage.update(
              new UpdateMessageCommand(
                  ChatActor.person(person),
                  MessageId.of(number(id, "Message")),
                  Optional.of(changed),
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty(),
                  true));
          return ChatPage.href(person.value(), dialog);
        });
  }

  @Post(uri = "/messages/{id}/delete", consumes = FORM)
  HttpResponse<?> delete(
      HttpRequest<?> request,
      @PathVariable String id,
      @Nullable String csrf,
      @Nullable String as,
      @Nullable String dialog) {
    return change(
        request,
        csrf,
        as,
        dialog,
        person -> {
          deleteMessage.delete(
              new DeleteMessageCommand(
                  ChatActor.person(person), MessageId.of(number(id, "Message")), false));
          return ChatPage.href(person.value(), dialog);
        });
  }

  // Reading

  private ChatDialog dialog(UserId viewer, DialogId dialogId, String csrf) {
    DialogView view = readChats.dialog(viewer, dialogId);
    var page = readChats.messages(new MessagePageQuery(viewer, dialogId, 0, 0, MESSAGES_SHOWN));
    List<ChatUser> members = listChats.members(viewer, view.chat().id());
    Map<Long, ChatUser> users = new LinkedHashMap<>();
    members.forEach(u -> users.put(u.id(), u));
    page.users().forEach(u -> users.putIfAbsent(u.id(), u));
    List<ChatMessage> items = new ArrayList<>();
    List<Message> newestFirst = page.messages();
    Map<MessageId, List<Delivery>> caused =
        messageDeliveries.list(newestFirst.stream().map(Message::id).toList());
    for (int i = newestFirst.size() - 1; i >= 0; i--) {
      Message message = newestFirst.get(i);
      List<DeliveryBadge> badges =
          caused.getOrDefault(message.id(), List.of()).stream().map(DeliveryBadge::of).toList();
      items.add(ChatMessage.of(message, viewer.value(), users, badges));
    }
    String title;
    String kind;
    if (view.chat().isPrivate()) {
      Optional<ChatUser> other = view.chat().otherUser(viewer).map(u -> users.get(u.value()));
      title = other.map(ChatUser::fullName).orElse("User " + dialogId.wire());
      kind = other.map(ChatUser::bot).orElse(false) ? "Dialog with a bot" : "Dialog";
    } else {
      String chatTitle = view.chat().title();
      title = chatTitle == null || chatTitle.isBlank() ? view.dialogId() : chatTitle;
      kind =
          (view.chat().type() == ChatType.OPEN ? "Open chat" : "Group chat")
              + ", "
              + members.size()
              + " members";
    }
    boolean older = view.messageCount() > items.size();
    List<String> typists =
        typing.typingIn(viewer, view.chat().id()).stream().map(ChatUser::fullName).toList();
    return new ChatDialog(
        title,
        kind,
        members.stream().filter(u -> u.id() != viewer.value()).map(ChatPeer::of).toList(),
        new ChatMessages(viewer.value(), view.dialogId(), csrf, items, older, typists));
  }

  private static ChatMessage editing(ChatDialog open, @Nullable String edit) {
    if (edit == null) {
      return null;
    }
    return open.messages().items().stream()
        .filter(m -> m.mine() && String.valueOf(m.id()).equals(edit.strip()))
        .findFirst()
        .orElse(null);
  }

  // Changes

  /**
   * Runs a change as the person {@code as} names, once the form token matches: its outcome is the
   * page to go to next; a refusal is shown there in words (or answered to the script).
   */
  private HttpResponse<?> change(
      HttpRequest<?> request,
      @Nullable String csrf,
      @Nullable String as,
      @Nullable String dialog,
      Function<UserId, String> action) {
    ConsoleSession session = required(request);
    boolean script = request.getHeaders().contains(FETCH);
    if (!ConsoleAccess.csrfMatches(session, csrf)) {
      return script
          ? refusal(HttpStatus.FORBIDDEN, "This page is out of date: reload it.")
          : pages.status(
              HttpStatus.FORBIDDEN,
              "message",
              new MessagePage(
                  "Refused",
                  "This form is out of date or did not come from the console. Reload the page"
                      + " and try again.",
                  "/console/chat",
                  "Back to the chat"));
    }
    Optional<Person> acting = acting(people.list(), as);
    String back =
        acting.map(p -> ChatPage.href(p.id().value(), blankToNull(dialog))).orElse("/console/chat");
    if (acting.isEmpty() || !String.valueOf(acting.get().id().value()).equals(strip(as))) {
      return failed(session, script, back, "Choose a person to act as.");
    }
    String next;
    try {
      next = action.apply(acting.get().id());
    } catch (RuntimeException failure) {
      return failed(session, script, back, ErrorsInWords.of(failure).orElseThrow(() -> failure));
    }
    return script ? HttpResponse.noContent() : HttpResponse.seeOther(URI.create(next));
  }

  private HttpResponse<?> failed(
      ConsoleSession session, boolean script, String back, String words) {
    if (script) {
      return refusal(HttpStatus.UNPROCESSABLE_ENTITY, words);
    }
    session.flash(Flash.failed(words));
    return HttpResponse.seeOther(URI.create(back));
  }

  private static HttpResponse<?> refusal(HttpStatus status, String words) {
    return HttpResponse.status(status)
        .contentType(MediaType.TEXT_PLAIN_TYPE.toString() + ";charset=utf-8")
        .body(words);
  }

  private void post(UserId person, @Nullable String dialog, @Nullable String text) {
    String body = text == null ? "" : text.strip();
    if (body.isEmpty()) {
      throw new IllegalArgumentException("Write a message first.");
    }
    DialogId target =
        DialogId.tryParse(dialog)
            .orElseThrow(() -> new IllegalArgumentException("Open a dialog first."));
    postMessage.post(
        new PostMessageCommand(
            ChatActor.person(person), target, body, null, null, null, false, true));
  }

  // Helpers

  /** The person named by {@code as}, else the first of the portal's people. */
  private static Optional<Person> acting(List<Person> everyone, @Nullable String as) {
    String wanted = strip(as);
    return everyone.stream()
        .filter(p -> String.valueOf(p.id().value()).equals(wanted))
        .findFirst()
        .or(() -> everyone.stream().findFirst());
  }

  private static String botSummary(long matching, BotSearch search) {
    if (matching == 0) {
      return search.filtered() ? "No bot matches." : "No bot is registered yet.";
    }
    if (matching <= ChatPage.BOTS_SHOWN) {
      return matching == 1 ? "1 bot" : matching + " bots";
    }
    return "The first " + ChatPage.BOTS_SHOWN + " of " + matching + " bots: search to narrow.";
  }

  private static String fullName(Person person) {
    String last = person.lastName();
    return last == null || last.isBlank() ? person.name() : person.name() + " " + last;
  }

  private static int pageNumber(@Nullable String page) {
    try {
      return Math.max(1, Integer.parseInt(strip(page)));
    } catch (NumberFormatException notANumber) {
      return 1;
    }
  }

  private static String strip(@Nullable String value) {
    return value == null ? "" : value.strip();
  }

  private static String digest(String html) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(html.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 12);
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  private static ConsoleSession required(HttpRequest<?> request) {
    return request
        .getAttribute(ConsoleAccessFilter.SESSION, ConsoleSession.class)
        .orElseThrow(() -> new IllegalStateException("no console session"));
  }
}
