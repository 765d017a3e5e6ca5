package dev.imbot.application.port.in.chat;

import dev.imbot.domain.chat.MemberBot;
import dev.imbot.domain.portal.ApplicationKey;

/**
 * Incoming port: which bot an {@code imbot.*} call acts as. A given {@code BOT_ID} must name a bot
 * of the calling application; without one, the application's first bot (lowest id) acts.
 */
public interface ResolveBotUseCase {

  /**
   * @param botId {@code BOT_ID} as sent, null when absent
   * @return the acting bot ({@code BOT_ID_ERROR}, {@code APP_ID_ERROR} otherwise)
   */
  MemberBot resolve(ApplicationKey application, String botId);
}
