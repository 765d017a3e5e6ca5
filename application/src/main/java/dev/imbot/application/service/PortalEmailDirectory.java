package dev.imbot.application.service;

import dev.imbot.application.port.out.Bots;
import dev.imbot.application.port.out.PortalUsers;
import dev.imbot.domain.BotId;
import dev.imbot.domain.Email;
import dev.imbot.domain.EmailDirectory;

/** The portal's addresses as the e-mail policy sees them: people's and bots'. */
final class PortalEmailDirectory implements EmailDirectory {
  private final PortalUsers users;
  private final Bots bots;

  PortalEmailDirectory(PortalUsers users, Bots bots) {
    this.users = users;
    this.bots = bots;
  }

  @Override
  public boolean usedByPortalUser(Email email) {
    return users.isEmailInUse(email);
  }

  @Override
  public boolean usedByBot(Email email, BotId except) {
    return bots.isEmailUsed(email, except);
  }
}
