package dev.imbot.application.service.chat;

import dev.imbot.application.port.in.chat.ChatUser;
import dev.imbot.domain.chat.Chat;
import dev.imbot.domain.event.EventData;

/** Parts of the messenger's event bodies that several events share, as Bitrix24 sends them. */
public final class EventBlocks {
  private EventBlocks() {}

  /**
   * {@code data[USER]}, the acting user: {@code ID}, {@code NAME} (the full name), {@code
   * FIRST_NAME}, {@code LAST_NAME}, {@code WORK_POSITION}, {@code GENDER} when known, and for
   * message events the {@code IS_*} flags.
   */
  public static EventData user(ChatUser user, boolean flags) {
    EventData.Builder out =
        EventData.builder()
            .put("ID", user.id())
            .put("NAME", user.fullName())
            .put("FIRST_NAME", user.firstName())
            .put("LAST_NAME", user.lastName())
            .put("WORK_POSITION", user.workPosition());
    if (!user.gender().isEmpty()) {
      out.put("GENDER", user.gender());
    }
    if (flags) {
      out.put("IS_BOT", user.bot() ? "Y" : "N")
          .put("IS_CONNECTOR", "N")
          .put("IS_NETWORK", "N")
          .put("IS_EXTRANET", "N");
    }
    return out.build();
  }

  /**
   * The chat's fields of {@code data[PARAMS]} in a group-like chat ({@code CHAT_ID}, {@code
   * CHAT_TITLE}, {@code CHAT_AUTHOR_ID}, {@code CHAT_ENTITY_TYPE}, {@code CHAT_ENTITY_ID}); none
   * for a private dialog.
   */
  public static void chatFields(Chat chat, EventData.Builder params) {
    if (chat.isPrivate()) {
      return;
    }
    params
        .put("CHAT_ID", chat.id().value())
        .put("CHAT_TITLE", orEmpty(chat.title()))
        .put("CHAT_AUTHOR_ID", chat.owner().value())
        .put("CHAT_ENTITY_TYPE", orEmpty(chat.entityType()))
        .put("CHAT_ENTITY_ID", orEmpty(chat.entityId()));
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
