package dev.imbot.application.port.out.chat;

import dev.imbot.domain.chat.ChatId;
import dev.imbot.domain.chat.HistoryWindow;
import dev.imbot.domain.chat.Message;
import dev.imbot.domain.chat.MessageId;
import java.util.List;
import java.util.Optional;

/** Outgoing port: the stored messages, one id sequence over all chats. */
public interface Messages {

  /** Takes the next message id. */
  MessageId nextId();

  /** Inserts a new message or replaces the stored one with the same id. */
  void save(Message message);

  /**
   * Inserts a message just posted, under an id {@link #nextId()} gave: none is stored with it, so a
   * store may skip looking for one.
   */
  default void add(Message message) {
    save(message);
  }

  /** Removes a message completely. */
  void delete(MessageId id);

  Optional<Message> find(MessageId id);

  /** The chat's newest message id, 0 when it has none. */
  long lastIdIn(ChatId chat);

  /** How many messages the chat holds. */
  long countIn(ChatId chat);

  /**
   * Messages of {@code page.chat()} with an id above {@code hiddenUpTo}, newest first, at most
   * {@code limit}: those after {@code firstId} when it is positive (the oldest of them), else those
   * before {@code lastId} when it is positive, else the newest.
   */
  List<Message> page(HistoryWindow page);
}
