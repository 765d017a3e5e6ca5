package dev.imbot.application.service;

import dev.imbot.application.port.out.PortalUsers;
import dev.imbot.domain.BotId;
import dev.imbot.domain.Email;
import dev.imbot.domain.EmailDirectory;

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
