package dev.imbot.adapter.inmemory;

import dev.imbot.application.port.out.chat.Messages;
import dev.imbot.domain.chat.ChatId;
import dev.imbot.domain.chat.HistoryWindow;
import dev.imbot.domain.chat.Message;
import dev.imbot.domain.chat.MessageId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * In-memory adapter of {@link Messages}: copies in, copies out. Ids are never given back, as a
 * database sequence does not give them back on rollback.
 */
public final class InMemoryMessages implements Messages, Snapshottable {
  private TreeMap<MessageId, Message> byId = new TreeMap<>();
  private long lastId;

  public InMemoryMessages(InMemoryUnitOfWork unitOfWork) {
    unitOfWork.register(this);
  }

  @Override
  public synchronized MessageId nextId() {
    return MessageId.of(++lastId);
  }

  @Override
  public synchronized void save(Message message) {
    byId.put(message.id(), copy(message));
  }

  @Override
  public synchronized void delete(MessageId id) {
    byId.remove(id);
  }

  @Override
  public synchronized Optional<Message> find(MessageId id) {
    return Optional.ofNullable(byId.get(id)).map(InMemoryMessages::copy);
  }

  @Override
  public synchronized long lastIdIn(ChatId chat) {
    return inChat(chat).mapToLong(m -> m.id().value()).max().orElse(0);
  }

  @Override
  public synchronized long countIn(ChatId chat) {
    return inChat(chat).count();
  }

  @Override
  public synchronized List<Message> page(HistoryWindow page) {
    Stream<Message> visible = inChat(page.chat()).filter(m -> m.id().value() > page.hiddenUpTo());
    if (page.firstId() > 0) {
      List<Message> after =
          new ArrayList<>(
              visible
                  .filter(m -> m.id().value() > page.firstId())
                  .limit(page.limit())
                  .map(InMemoryMessages::copy)
                  .toList());
      Collections.reverse(after);
      return after;
    }
    List<Message> newestFirst = new ArrayList<>(visible.toList());
    Collections.reverse(newestFirst);
    return newestFirst.stream()
        .filter(m -> page.lastId() <= 0 || m.id().value() < page.lastId())
        .limit(page.limit())
        .map(InMemoryMessages::copy)
        .toList();
  }

  @Override
  public synchronized Runnable snapshot() {
    TreeMap<MessageId, Message> copy = new TreeMap<>(byId);
    return () -> {
      synchronized (this) {
        byId = copy;
      }
    };
  }

  private Stream<Message> inChat(ChatId chat) {
    return byId.values().stream().filter(m -> m.chat().equals(chat));
  }

  private static Message copy(Message message) {
    return Message.restore(
        message.id(),
        message.chat(),
        message.author().orElse(null),
        message.date(),
        message.content(),
        message.isSystem(),
        message.isEdited(),
        message.isDeleted(),
        new LinkedHashSet<>(message.likes()));
  }
}
