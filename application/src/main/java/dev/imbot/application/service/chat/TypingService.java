package dev.imbot.application.service.chat;

import dev.imbot.application.port.in.chat.ChatActor;
import dev.imbot.application.port.in.chat.ChatUser;
import dev.imbot.application.port.in.chat.TypingUseCase;
import dev.imbot.domain.chat.Chat;
import dev.imbot.domain.chat.ChatId;
import dev.imbot.domain.chat.ChatType;
import dev.imbot.domain.chat.DialogId;
import dev.imbot.domain.chat.HistoryWindow;
import dev.imbot.domain.chat.Message;
import dev.imbot.domain.portal.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Service: typing marks, kept in this process only (a mark is worth a few seconds; instances
 * sharing a database do not see each other's). A mark ends after {@code shownFor}, or as soon as
 * its user's message is the chat's newest.
 */
public final class TypingService implements TypingUseCase {
  private final Messenger messenger;
  private final Duration shownFor;
  private final Map<ChatId, Map<UserId, Instant>> since = new ConcurrentHashMap<>();

  public TypingService(Messenger messenger, Duration shownFor) {
    this.messenger = messenger;
    this.shownFor = Objects.requireNonNull(shownFor, "shownFor");
  }

  @Override
  public void typing(ChatActor actor, DialogId dialog) {
    Optional<Chat> chat = Optional.empty();
    if (dialog instanceof DialogId.WithUser withUser) {
      chat = messenger.chats.findPrivate(actor.user(), withUser.user());
    } else if (dialog instanceof DialogId.InChat inChat) {
      chat = messenger.chats.find(inChat.chat()).filter(c -> c.isMember(actor.user()));
    }
    Instant now = messenger.clock.instant();
    chat.ifPresent(
        c -> since.computeIfAbsent(c.id(), id -> new ConcurrentHashMap<>()).put(actor.user(), now));
    since.values().forEach(marks -> marks.values().removeIf(at -> expired(at, now)));
    since.values().removeIf(Map::isEmpty);
  }

  @Override
  public List<ChatUser> typingIn(UserId viewer, ChatId chat) {
    Map<UserId, Instant> marks = since.get(chat);
    if (marks == null || marks.isEmpty()) {
      return List.of();
    }
    Optional<Chat> found = messenger.chats.find(chat);
    if (found.isEmpty() || (!found.get().isMember(viewer) && found.get().type() != ChatType.OPEN)) {
      return List.of();
    }
    Instant now = messenger.clock.instant();
    Optional<Message> newest =
        messenger.messages.page(new HistoryWindow(chat, 0, 0, 0, 1)).stream().findFirst();
    List<ChatUser> typing = new ArrayList<>();
    marks.forEach(
        (user, at) -> {
          boolean answered =
              newest.isPresent()
                  && newest.get().author().map(user::equals).orElse(false)
                  && !newest.get().date().isBefore(at);
          if (!user.equals(viewer) && !expired(at, now) && !answered) {
            messenger.directory.user(user).ifPresent(typing::add);
          }
        });
    return typing;
  }

  private boolean expired(Instant at, Instant now) {
    return !now.isBefore(at.plus(shownFor));
  }
}
