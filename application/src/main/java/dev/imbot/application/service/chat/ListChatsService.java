package dev.imbot.application.service.chat;

import dev.imbot.application.port.in.chat.ChatList;
import dev.imbot.application.port.in.chat.ChatListing;
import dev.imbot.application.port.in.chat.ChatUser;
import dev.imbot.application.port.in.chat.ListChatsQuery;
import dev.imbot.application.port.in.chat.ListChatsUseCase;
import dev.imbot.domain.chat.Chat;
import dev.imbot.domain.chat.ChatId;
import dev.imbot.domain.portal.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Service: lists a user's chats (reading opens nothing and records no event) and names a chat's
 * members.
 */
public final class ListChatsService implements ListChatsUseCase {
  private final Messenger messenger;

  public ListChatsService(Messenger messenger) {
    this.messenger = messenger;
  }

  @Override
  public ChatList list(ListChatsQuery query) {
    UserId member = query.member();
    List<ChatListing> listings = new ArrayList<>();
    for (Chat chat : messenger.chats.ofMember(member, query.offset(), query.limit())) {
      Optional<ChatUser> other = chat.otherUser(member).flatMap(messenger.directory::user);
      String title =
          chat.isPrivate()
              ? other.map(ChatUser::fullName).orElse("User " + chat.dialogIdFor(member).wire())
              : titleOf(chat);
      listings.add(
          new ChatListing(
              chat.id(),
              chat.type(),
              chat.dialogIdFor(member).wire(),
              title,
              other.orElse(null),
              chat.memberIds().size(),
              messenger.messages.lastIdIn(chat.id())));
    }
    return new ChatList(listings, messenger.chats.countOfMember(member));
  }

  @Override
  public List<ChatUser> members(UserId viewer, ChatId chat) {
    return messenger
        .chats
        .find(chat)
        .filter(c -> c.isMember(viewer))
        .map(c -> c.memberIds().stream().flatMap(u -> messenger.directory.user(u).stream()))
        .map(users -> users.toList())
        .orElse(List.of());
  }

  private static String titleOf(Chat chat) {
    String title = chat.title();
    return title == null || title.isBlank() ? chat.id().dialogId() : title;
  }
}
