package dev.imbot.domain.bot;

import dev.imbot.domain.portal.Email;
import java.util.Optional;

/** Policy: a bot's e-mail is used by no portal user and no other bot (register row 12). */
public final class EmailUniquenessPolicy {

  /** For a new bot: {@link BotRejectionReason#EMAIL_IN_USE} when anyone has the address. */
  public Optional<BotRejection> checkNewBot(BotProfile profile, EmailDirectory directory) {
    return profile
        .emailAddress()
        .filter(email -> directory.isTaken(email, null))
        .map(email -> BotRejection.of(BotRejectionReason.EMAIL_IN_USE));
  }

  /**
   * For an update: {@link BotRejectionReason#UPDATE_EMAIL_IN_USE} when the address changed and
   * someone else has it. An unchanged address is not checked again.
   */
  public Optional<BotRejection> checkUpdatedBot(Bot before, Bot after, EmailDirectory directory) {
    Optional<Email> old = before.profile().emailAddress();
    return after
        .profile()
        .emailAddress()
        .filter(email -> old.isEmpty() || !old.get().sameAddressAs(email))
        .filter(email -> directory.isTaken(email, after.id()))
        .map(email -> BotRejection.of(BotRejectionReason.UPDATE_EMAIL_IN_USE));
  }
}
