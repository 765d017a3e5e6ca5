package dev.imbot.domain.chat;

/** A message's id, from one sequence over all chats. Always positive. */
public record MessageId(long value) implements Comparable<MessageId> {

  public MessageId {
    if (value <= 0) {
      throw new IllegalArgumentException("a message id must be positive, was " + value);
    }
  }

  public static MessageId of(long value) {
    return new MessageId(value);
  }

  @Override
  public int compareTo(MessageId other) {
    return Long.compare(value, other.value);
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
