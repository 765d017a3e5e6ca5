package dev.imbot.domain.portal;

import dev.imbot.domain.bot.Bot;
import dev.imbot.domain.bot.BotProfile;
import dev.imbot.domain.rejection.Rejection;
import dev.imbot.domain.rejection.RejectionReason;
import java.util.Optional;

/** Policy: a bot's e-mail is used by no portal user and no other bot (register row 12). */
public final class EmailUniquenessPolicy {

  /** For a new bot: {@link RejectionReason#EMAIL_IN_USE} when anyone has the address. */
  public Optional<Rejection> checkNewBot(BotProfile profile, EmailDirectory directory) {
    return profile
        .emailAddress()
        .filter(email -> directory.isTaken(email, null))
        .map(email -> Rejection.of(RejectionReason.EMAIL_IN_USE));
  }

  /**
   * For an update: {@link RejectionReason#UPDATE_EMAIL_IN_USE} when the address changed and someone
   * else has it. An unchanged address is not checked again.
   */
  public Optional<Rejection> checkUpdatedBot(Bot before, Bot after, EmailDirectory directory) {
    Optional<Email> old = before.profile().emailAddress();
    return after
        .profile()
        .emailAddress()
        .filter(email -> old.isEmpty() || !old.get().sameAddressAs(email))
        .filter(email -> directory.isTaken(email, after.id()))
        .map(email -> Rejection.of(RejectionReason.UPDATE_EMAIL_IN_USE));
  }
}
