package dev.imbot.application.port.out;

import dev.imbot.domain.BotId;
import dev.imbot.domain.Email;

/** Outgoing port: the portal's users (people), whose id space bots share. */
public interface PortalUsers {

  /** Whether a portal user has this address, ignoring case. */
  boolean isEmailInUse(Email email);

  /** Takes the next id of the users' id space for a new bot; never one a user has. */
  BotId allocateUserId();
}
