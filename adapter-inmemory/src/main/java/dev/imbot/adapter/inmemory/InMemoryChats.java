package dev.imbot.adapter.inmemory;

import dev.imbot.application.port.out.chat.Chats;
import dev.imbot.domain.chat.Chat;
import dev.imbot.domain.chat.ChatDetails;
import dev.imbot.domain.chat.ChatId;
import dev.imbot.domain.chat.ChatType;
import dev.imbot.domain.chat.OpenedDialog;
import dev.imbot.domain.portal.UserId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * In-memory adapter of {@link Chats}. Chats are mutable, so the store keeps copies and hands out
 * copies; the unit of work's one lock stands for every chat's lock.
 */
public final class InMemoryChats implements Chats, Snapshottable {
  private final InMemoryUnitOfWork unitOfWork;
  private TreeMap<ChatId, Chat> byId = new TreeMap<>();
  private long lastId;

  public InMemoryChats(InMemoryUnitOfWork unitOfWork) {
    this.unitOfWork = unitOfWork;
    unitOfWork.register(this);
  }

  @Override
  public synchronized Optional<Chat> find(ChatId id) {
    return Optional.ofNullable(byId.get(id)).map(InMemoryChats::copy);
  }

  @Override
  public synchronized Optional<Chat> lock(ChatId id) {
    requireUnitOfWork();
    return find(id);
  }

  @Override
  public synchronized Optional<Chat> findPrivate(UserId one, UserId other) {
    return byId.values().stream()
        .filter(Chat::isPrivate)
        .filter(chat -> chat.isMember(one) && chat.isMember(other))
        .findFirst()
        .map(InMemoryChats::copy);
  }

  @Override
  public synchronized OpenedDialog openPrivate(UserId opener, UserId other, Instant now) {
    requireUnitOfWork();
    Optional<Chat> existing = findPrivate(opener, other);
    if (existing.isPresent()) {
      return new OpenedDialog(existing.get(), false);
    }
    Chat chat = Chat.privateDialog(ChatId.of(++lastId), opener, other, now);
    byId.put(chat.id(), copy(chat));
    return new OpenedDialog(chat, true);
  }

  @Override
  public synchronized Chat create(
      ChatType type, ChatDetails details, UserId owner, Collection<UserId> others, Instant now) {
    Chat chat = Chat.group(ChatId.of(++lastId), type, details, owner, others, now);
    byId.put(chat.id(), copy(chat));
    return chat;
  }

  @Override
  public synchronized void save(Chat chat) {
    byId.put(chat.id(), copy(chat));
  }

  @Override
  public synchronized Optional<Chat> findByEntity(String entityType, String entityId) {
    return byId.values().stream()
        .filter(chat -> !chat.isPrivate())
        .filter(chat -> Objects.equals(chat.entityType(), entityType))
        .filter(chat -> Objects.equals(chat.entityId(), entityId))
        .findFirst()
        .map(InMemoryChats::copy);
  }

  @Override
  public synchronized List<Chat> ofMember(UserId member, int offset, int limit) {
    return byId.descendingMap().values().stream()
        .filter(chat -> chat.isMember(member))
        .skip(offset)
        .limit(limit)
        .map(InMemoryChats::copy)
        .toList();
  }

  @Override
  public synchronized long countOfMember(UserId member) {
    return byId.values().stream().filter(chat -> chat.isMember(member)).count();
  }

  @Override
  public synchronized Runnable snapshot() {
    TreeMap<ChatId, Chat> copy = new TreeMap<>(byId);
    return () -> {
      synchronized (this) {
        byId = copy;
      }
    };
  }

  private void requireUnitOfWork() {
    if (!unitOfWork.isActive()) {
      throw new IllegalStateException("locking a chat needs a unit of work");
    }
  }

  private static Chat copy(Chat chat) {
    return Chat.restore(
        chat.id(), chat.type(), chat.details(), chat.owner(), chat.createdAt(), chat.members());
  }
}
