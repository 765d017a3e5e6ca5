package dev.imbot.application.port.in.chat;

import dev.imbot.domain.chat.MessageId;
import java.util.Objects;
import java.util.Optional;

/**
 * An edit. Each part empty when not sent; an extra sent as an empty value or {@code N} is removed;
 * an empty text deletes the message.
 *
 * @param actor who edits
 * @param message which message
 * @param text the new text
 * @param attach the new {@code ATTACH} tree or removal mark
 * @param keyboard the new {@code KEYBOARD} tree or removal mark
 * @param menu the new {@code MENU} tree or removal mark
 * @param urlPreview the new {@code URL_PREVIEW}
 * @param markEdited whether the message shows as edited ({@code IS_EDITED}, default yes)
 */
public record UpdateMessageCommand(
    ChatActor actor,
    MessageId message,
    Optional<String> text,
    Optional<Object> attach,
    Optional<Object> keyboard,
    Optional<Object> menu,
    Optional<Boolean> urlPreview,
    boolean markEdited) {

  public UpdateMessageCommand {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(attach, "attach");
    Objects.requireNonNull(keyboard, "keyboard");
    Objects.requireNonNull(menu, "menu");
    Objects.requireNonNull(urlPreview, "urlPreview");
  }

  /** Whether an extra's value asks for its removal: empty text or {@code N}. */
  public static boolean removes(Object value) {
    return value instanceof String text && (text.isEmpty() || text.equals("N"));
  }
}
