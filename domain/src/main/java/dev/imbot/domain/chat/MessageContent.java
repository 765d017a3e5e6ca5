package dev.imbot.domain.chat;

import java.util.Objects;

/**
 * What a message says: its text and the stored JSON of its extras (each null when absent).
 *
 * @param text the text, BB-code verbatim
 * @param attach {@code ATTACH} as stored by {@link MessageExtras#attach}
 * @param keyboard {@code KEYBOARD} as stored by {@link MessageExtras#keyboard}
 * @param menu {@code MENU} as stored by {@link MessageExtras#menu}
 * @param urlPreview whether links get previews ({@code URL_PREVIEW})
 */
public record MessageContent(
    String text, String attach, String keyboard, String menu, boolean urlPreview) {

  public MessageContent {
    Objects.requireNonNull(text, "text");
  }

  /** Plain text with link previews. */
  public static MessageContent text(String text) {
    return new MessageContent(text, null, null, null, true);
  }
}
