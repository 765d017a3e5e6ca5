package dev.imbot.application.port.out;

import dev.imbot.domain.ApplicationKey;
import dev.imbot.domain.Bot;
import dev.imbot.domain.BotId;
import dev.imbot.domain.Email;
import java.util.List;
import java.util.Optional;

/** Outgoing port: the stored bots, per application and portal-wide. */
public interface Bots {

  /**
   * Locks {@code application} until the current unit of work ends and returns its bots, ordered by
   * id. Every read-then-write of an application's bots starts here, so the bot limit and code
   * uniqueness hold across threads and service instances. Only valid inside {@link UnitOfWork}.
   */
  List<Bot> lockApplication(ApplicationKey application);

  /** Inserts a new bot or replaces the stored one with the same id. */
  void save(Bot bot);

  /** Deletes the bot, its profile and avatar; nothing happens when there is no such bot. */
  void delete(BotId id);

  Optional<Bot> findById(BotId id);

  /** Every bot of the portal, whichever application owns it, ordered by id. */
  List<Bot> listAll();

  /** Whether a bot other than {@code except} (null: any) has this address, ignoring case. */
  boolean isEmailUsed(Email email, BotId except);
}
