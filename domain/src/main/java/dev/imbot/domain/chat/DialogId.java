package dev.imbot.domain.chat;

import dev.imbot.domain.portal.UserId;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a caller names a dialog by: another user's id (a private dialog, seen from the caller) or
 * {@code chat<ID>} (a group-like chat). Bitrix24's syntax also admits {@code sg<ID>} and {@code
 * crm<ID>}; those name chats of subsystems this portal does not have, so they parse but name no
 * chat.
 */
public sealed interface DialogId {
  Pattern SYNTAX = Pattern.compile("([0-9]+)|(chat|sg|crm)([0-9]+)", Pattern.CASE_INSENSITIVE);

  /** The private dialog with {@code user}. */
  record WithUser(UserId user) implements DialogId {
    @Override
    public String wire() {
      return user.toString();
    }
  }

  /** The chat {@code chat}. */
  record InChat(ChatId chat) implements DialogId {
    @Override
    public String wire() {
      return chat.dialogId();
    }
  }

  /** A chat of a subsystem this portal lacks ({@code sg<ID>}, {@code crm<ID>}). */
  record Foreign(String raw) implements DialogId {
    @Override
    public String wire() {
      return raw;
    }
  }

  /** The dialog id as it goes on the wire. */
  String wire();

  /**
   * Reads a {@code DIALOG_ID} (surrounding blanks ignored). Empty, {@code 0}, {@code chat0} and
   * anything off the syntax are refused with {@code DIALOG_ID_EMPTY}, as Bitrix24 does.
   */
  static DialogId parse(String raw) {
    return tryParse(raw)
        .orElseThrow(() -> ChatRejection.refuse(ChatRejectionReason.DIALOG_ID_EMPTY));
  }

  /** As {@link #parse} without the rejection. */
  static Optional<DialogId> tryParse(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    Matcher m = SYNTAX.matcher(raw.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    String digits = m.group(1) != null ? m.group(1) : m.group(3);
    if (digits.length() > 18) {
      return Optional.empty();
    }
    long value = Long.parseLong(digits);
    if (value <= 0) {
      return Optional.empty();
    }
    if (m.group(1) != null) {
      return Optional.of(new WithUser(UserId.of(value)));
    }
    String prefix = m.group(2).toLowerCase(Locale.ROOT);
    if (prefix.equals("chat")) {
      return Optional.of(new InChat(ChatId.of(value)));
    }
    return Optional.of(new Foreign(prefix + value));
  }
}
