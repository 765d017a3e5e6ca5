package dev.imbot.application.service.bot;

import dev.imbot.application.port.out.portal.PortalUsers;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.bot.EmailDirectory;
import dev.imbot.domain.portal.Email;

/** The portal's addresses as the e-mail policy sees them: people's and bots', in one question. */
final class PortalEmailDirectory implements EmailDirectory {
  private final PortalUsers users;

  PortalEmailDirectory(PortalUsers users) {
    this.users = users;
  }

  @Override
  public boolean isTaken(Email email, BotId except) {
    return users.isEmailInUse(email, except);
  }
}
