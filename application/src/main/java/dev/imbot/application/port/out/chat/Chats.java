package dev.imbot.application.port.out.chat;

import dev.imbot.application.port.out.UnitOfWork;
import dev.imbot.domain.chat.Chat;
import dev.imbot.domain.chat.ChatDetails;
import dev.imbot.domain.chat.ChatId;
import dev.imbot.domain.chat.ChatType;
import dev.imbot.domain.chat.OpenedDialog;
import dev.imbot.domain.portal.UserId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Outgoing port: the stored chats and their members. */
public interface Chats {

  Optional<Chat> find(ChatId id);

  /**
   * The chat, locked until the current unit of work ends: posts and membership changes of one chat
   * run one after another, so message ids grow in commit order per chat. Only valid inside {@link
   * UnitOfWork}.
   */
  Optional<Chat> lock(ChatId id);

  /** The private dialog of two users, if it exists. */
  Optional<Chat> findPrivate(UserId one, UserId other);

  /**
   * The private dialog of two users, created (with {@code opener} as its author) when there is none
   * yet, and locked. Two units of work opening the same pair at once end with one dialog: the loser
   * sees the winner's. Only valid inside {@link UnitOfWork}.
   */
  OpenedDialog openPrivate(UserId opener, UserId other, Instant now);

  /** Stores a new group-like chat with the next chat id and returns it. */
  Chat create(
      ChatType type, ChatDetails details, UserId owner, Collection<UserId> others, Instant now);

  /** Stores a changed chat: owner, title, members. */
  void save(Chat chat);

  /** The chat created with this entity binding, the first one when several were. */
  Optional<Chat> findByEntity(String entityType, String entityId);

  /**
   * The chats {@code member} is in, newest (highest id) first: {@code limit} of them after skipping
   * {@code offset}.
   */
  List<Chat> ofMember(UserId member, int offset, int limit);

  /** How many chats {@code member} is in. */
  long countOfMember(UserId member);
}
