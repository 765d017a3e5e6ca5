package dev.imbot.application.service.chat;

import dev.imbot.application.port.in.chat.ChatUser;
import dev.imbot.application.port.out.bot.Bots;
import dev.imbot.application.port.out.portal.People;
import dev.imbot.domain.bot.Bot;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.chat.MemberBot;
import dev.imbot.domain.portal.Person;
import dev.imbot.domain.portal.UserId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Who the messenger's users are: people and bots, read through their own ports. */
final class ChatDirectory {
  private final Bots bots;
  private final People people;

  /** Bots already looked up by this directory (null: none are kept). */
  private final Map<UserId, Optional<Bot>> looked;

  ChatDirectory(Bots bots, People people) {
    this(bots, people, null);
  }

  private ChatDirectory(Bots bots, People people, Map<UserId, Optional<Bot>> looked) {
    this.bots = bots;
    this.people = people;
    this.looked = looked;
  }

  /**
   * A directory for one call that looks each bot up once: posting a message to a bot asked for the
   * same bot row three times (does the target exist, is it a bot, which bots are members).
   */
  ChatDirectory remembering() {
    return new ChatDirectory(bots, people, new HashMap<>());
  }

  private Optional<Bot> findBot(UserId user) {
    if (looked == null) {
      return bots.findById(BotId.of(user.value()));
    }
    Optional<Bot> known = looked.get(user);
    if (known == null) {
      known = bots.findById(BotId.of(user.value()));
      looked.put(user, known);
    }
    return known;
  }

  /** The bot with this user id, as routing sees it. */
  Optional<MemberBot> bot(UserId user) {
    return findBot(user).map(ChatDirectory::memberBot);
  }

  /** The bots among {@code users}, in their order. */
  List<MemberBot> botsAmong(Collection<UserId> users) {
    List<MemberBot> found = new ArrayList<>();
    for (UserId user : users) {
      bot(user).ifPresent(found::add);
    }
    return found;
  }

  boolean isBot(UserId user) {
    return findBot(user).isPresent();
  }

  /** Whether the user exists, person or bot. */
  boolean exists(UserId user) {
    return user(user).isPresent();
  }

  /**
   * The acting user as the messenger shows them: a person is read as a person, a bot as a bot (a
   * user id is one or the other), so no lookup is spent on the other kind.
   */
  Optional<ChatUser> actor(UserId user, boolean bot) {
    return bot
        ? user(user).filter(ChatUser::bot)
        : people.find(user).map(ChatDirectory::personUser);
  }

  /** The user as the messenger shows them. */
  Optional<ChatUser> user(UserId user) {
    Optional<Bot> bot = findBot(user);
    if (bot.isPresent()) {
      var profile = bot.get().profile();
      return Optional.of(
          new ChatUser(
              user.value(),
              orEmpty(profile.name()),
              orEmpty(profile.lastName()),
              orEmpty(profile.workPosition()),
              profile.gender() == null ? "" : profile.gender().letter(),
              true));
    }
    return people.find(user).map(ChatDirectory::personUser);
  }

  static MemberBot memberBot(Bot bot) {
    return MemberBot.of(bot);
  }

  private static ChatUser personUser(Person person) {
    return new ChatUser(
        person.id().value(),
        person.name(),
        orEmpty(person.lastName()),
        orEmpty(person.workPosition()),
        person.gender() == null ? "" : person.gender().letter(),
        false);
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
