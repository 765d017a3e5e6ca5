package dev.imbot.application.service.chat;

import dev.imbot.application.port.in.chat.ChatUser;
import dev.imbot.domain.event.EventData;

/**
 * The {@code data[USER]} block of the messenger's events: the acting user, as Bitrix24 sends it.
 */
public final class EventUsers {
  private EventUsers() {}

  /**
   * {@code ID}, {@code NAME} (the full name), {@code FIRST_NAME}, {@code LAST_NAME}, {@code
   * WORK_POSITION}, {@code GENDER} when known, and for message events the {@code IS_*} flags.
   */
  public static EventData of(ChatUser user, boolean flags) {
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
}
