package dev.imbot.domain.chat;

/** A chat's id, from the chats' own sequence. Always positive. */
public record ChatId(long value) implements Comparable<ChatId> {

  public ChatId {
    if (value <= 0) {
      throw new IllegalArgumentException("a chat id must be positive, was " + value);
    }
  }

  public static ChatId of(long value) {
    return new ChatId(value);
  }

  /** The {@code DIALOG_ID} of a group-like chat: {@code chat<ID>}. */
  public String dialogId() {
    return "chat" + value;
  }

  @Override
  public int compareTo(ChatId other) {
    return Long.compare(value, other.value);
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
