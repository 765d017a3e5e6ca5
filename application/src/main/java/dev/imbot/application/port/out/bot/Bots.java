package dev.imbot.application.port.out.bot;

import dev.imbot.application.port.out.UnitOfWork;
import dev.imbot.domain.bot.Bot;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.bot.BotListing;
import dev.imbot.domain.bot.BotSummary;
import dev.imbot.domain.portal.ApplicationKey;
import java.util.List;
import java.util.Optional;

/** Outgoing port: the stored bots, per application and portal-wide. */
public interface Bots {

  /**
   * Locks {@code application} until the current unit of work ends and returns its bots, ordered by
   * id, as summaries (what the policies look at). Every read-then-write of an application's bots
   * starts here, so the bot limit and code uniqueness hold across threads and service instances; it
   * also makes the application known to storage. Only valid inside {@link UnitOfWork}.
   */
  List<BotSummary> lockApplication(ApplicationKey application);

  /**
   * Inserts a new bot or replaces the stored one with the same id. A new bot's application must
   * have been locked ({@link #lockApplication}) in the current unit of work.
   */
  void save(Bot bot);

  /**
   * Inserts a bot whose id was just allocated ({@code PortalUsers.allocateUserId}), so that no
   * stored user has it: storage may write it without looking for a stored one first (on a database,
   * its rows in one round trip instead of {@link #save}'s probe and inserts). Its application must
   * have been locked in the current unit of work. An id that is taken after all breaks that
   * promise: a database refuses it (a write conflict), memory may replace the stored bot.
   */
  default void add(Bot bot) {
    save(bot);
  }

  /** Deletes the bot, its profile and avatar; nothing happens when there is no such bot. */
  void delete(BotId id);

  Optional<Bot> findById(BotId id);

  /** Every bot of the portal, whichever application owns it, ordered by id, as summaries. */
  List<BotSummary> listAll();

  /**
   * Every bot of the portal, ordered by id, with only what {@code imbot.bot.list} shows. The
   * default reads {@link #listAll}; a store may read fewer columns.
   */
  default List<BotListing> listAllListings() {
    return listAll().stream().map(BotListing::of).toList();
  }
}
