package dev.imbot.application.port.in.chat;

import dev.imbot.domain.chat.DialogId;
import java.util.Objects;

/**
 * A message to post: its text is already trimmed and checked non-empty where the method requires
 * it; the extras are the parameter trees as sent (null when absent).
 *
 * @param author who posts
 * @param dialog where, as the author names it
 * @param text the text, BB-code verbatim
 * @param attach {@code ATTACH} tree, or null
 * @param keyboard {@code KEYBOARD} tree, or null
 * @param menu {@code MENU} tree, or null
 * @param system whether it is a system message ({@code SYSTEM=Y})
 * @param urlPreview whether links get previews
 */
public record PostMessageCommand(
    ChatActor author,
    DialogId dialog,
    String text,
    Object attach,
    Object keyboard,
    Object menu,
    boolean system,
    boolean urlPreview) {

  public PostMessageCommand {
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(dialog, "dialog");
    Objects.requireNonNull(text, "text");
  }
}
