package dev.imbot.domain.chat;

import java.util.Objects;

/**
 * A private dialog as its first use finds it: the dialog, and whether this use created it.
 *
 * @param chat the dialog
 * @param created whether it was created just now
 */
public record OpenedDialog(Chat chat, boolean created) {

  public OpenedDialog {
    Objects.requireNonNull(chat, "chat");
  }
}
