package dev.imbot.application.port.out.portal;

import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.portal.Email;
import dev.imbot.domain.portal.UserId;
import java.util.Optional;

/** Outgoing port: the portal's users, people and bots, who share one id and address space. */
public interface PortalUsers {

  /**
   * Whether a portal user has this address, ignoring case: a person, or a bot other than {@code
   * exceptBot} (null: any bot). People and bots share one address space, so this is one question.
   */
  boolean isEmailInUse(Email email, BotId exceptBot);

  /** Takes the next id of the users' id space for a new bot or person; never one a user has. */
  UserId allocateUserId();

  /**
   * For a new bot or person with {@code email} (null: none): the next user id, or empty when a
   * portal user has the address already, in which case no id is taken. The default asks the two
   * questions above in turn; an adapter that can answers both in one exchange.
   */
  default Optional<UserId> allocateUserIdUnlessEmailInUse(Email email) {
    if (email != null && isEmailInUse(email, null)) {
      return Optional.empty();
    }
    return Optional.of(allocateUserId());
  }
}
