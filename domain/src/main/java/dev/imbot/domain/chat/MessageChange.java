package dev.imbot.domain.chat;

import java.util.Optional;

/**
 * An edit: each part empty when it stays as it is; an extra present but empty is removed.
 *
 * @param text the new text
 * @param attach the new {@code ATTACH} JSON, or empty to remove it
 * @param keyboard the new {@code KEYBOARD} JSON, or empty to remove it
 * @param menu the new {@code MENU} JSON, or empty to remove it
 * @param urlPreview the new {@code URL_PREVIEW}
 * @param marksEdited whether the message shows as edited afterwards
 */
public record MessageChange(
    Optional<String> text,
    Optional<Optional<String>> attach,
    Optional<Optional<String>> keyboard,
    Optional<Optional<String>> menu,
    Optional<Boolean> urlPreview,
    boolean marksEdited) {

  /** Whether the edit changes nothing at all. */
  public boolean isEmpty() {
    return text.isEmpty()
        && attach.isEmpty()
        && keyboard.isEmpty()
        && menu.isEmpty()
        && urlPreview.isEmpty();
  }
}
