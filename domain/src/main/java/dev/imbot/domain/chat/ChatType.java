package dev.imbot.domain.chat;

/** The kind of a chat, with its one-letter wire code ({@code MESSAGE_TYPE}, {@code CHAT_TYPE}). */
public enum ChatType {
  /** A private dialog between two users. */
  PRIVATE("P"),
  /** A closed group chat, the default. */
  GROUP("C"),
  /** An open chat ({@code TYPE=OPEN}); not an open-line chat. */
  OPEN("O");

  private final String letter;

  ChatType(String letter) {
    this.letter = letter;
  }

  /** The wire letter: P, C or O. */
  public String letter() {
    return letter;
  }

  /** {@code TYPE} of {@code im.chat.add}/{@code imbot.chat.add}: {@code OPEN} or a closed chat. */
  public static ChatType ofCreationType(String type) {
    return "OPEN".equals(type) ? OPEN : GROUP;
  }
}
