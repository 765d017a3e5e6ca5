package dev.imbot.application.contract;

import dev.imbot.application.port.in.bot.ListBotsUseCase;
import dev.imbot.application.port.in.bot.RegisterBotUseCase;
import dev.imbot.application.port.in.bot.UnregisterBotUseCase;
import dev.imbot.application.port.in.bot.UpdateBotUseCase;
import dev.imbot.application.port.out.UnitOfWork;
import dev.imbot.application.port.out.bot.Bots;
import dev.imbot.application.port.out.chat.Chats;
import dev.imbot.application.port.out.chat.MessageDeliveries;
import dev.imbot.application.port.out.chat.Messages;
import dev.imbot.application.port.out.command.AnswerWindows;
import dev.imbot.application.port.out.command.SlashCommands;
import dev.imbot.application.port.out.event.ApplicationHandlers;
import dev.imbot.application.port.out.event.EventOutbox;
import dev.imbot.application.port.out.portal.AccessTokenHolders;
import dev.imbot.application.port.out.portal.ApplicationEventBindings;
import dev.imbot.application.port.out.portal.ClientApplications;
import dev.imbot.application.port.out.portal.InboundWebhooks;
import dev.imbot.application.port.out.portal.OAuthTokens;
import dev.imbot.application.port.out.portal.People;
import dev.imbot.application.port.out.portal.PortalSettings;
import dev.imbot.application.port.out.portal.PortalUsers;
import dev.imbot.application.service.bot.ListBotsService;
import dev.imbot.application.service.bot.RegisterBotService;
import dev.imbot.application.service.bot.UnregisterBotService;
import dev.imbot.application.service.bot.UpdateBotService;
import dev.imbot.domain.bot.Bot;
import dev.imbot.domain.bot.BotLimitPolicy;
import dev.imbot.domain.event.Delivery;
import dev.imbot.domain.event.PendingEvent;
import dev.imbot.domain.portal.Email;
import java.time.Clock;
import java.util.List;

/**
 * Test fixture: one portal's outgoing ports, from any adapter (in-memory, H2, PostgreSQL), plus
 * what tests need to arrange and observe beyond the ports. The contract tests run against it.
 */
public interface TestPortal extends AutoCloseable {

  Bots bots();

  ApplicationHandlers handlers();

  PortalUsers users();

  People people();

  ClientApplications applications();

  InboundWebhooks webhooks();

  EventOutbox outbox();

  OAuthTokens tokens();

  AccessTokenHolders accessTokenHolders();

  ApplicationEventBindings eventBindings();

  PortalSettings settings();

  UnitOfWork unitOfWork();

  Chats chats();

  Messages messages();

  SlashCommands commands();

  AnswerWindows answerWindows();

  MessageDeliveries messageDeliveries();

  /** Adds a person to the portal and returns the person's user id. */
  long addPerson(Email email);

  /** Every event enqueued so far, in order. */
  default List<PendingEvent> enqueuedEvents() {
    return outbox().page(0, Integer.MAX_VALUE).stream().map(Delivery::event).toList();
  }

  /** Every stored bot, whole, in id order: the list's summaries read back one by one. */
  default List<Bot> storedBots() {
    return bots().listAll().stream()
        .map(summary -> bots().findById(summary.id()).orElseThrow())
        .toList();
  }

  @Override
  default void close() {}

  default RegisterBotUseCase registerUseCase(BotLimitPolicy limit, Clock clock) {
    return new RegisterBotService(bots(), handlers(), users(), unitOfWork(), clock, limit);
  }

  default UnregisterBotUseCase unregisterUseCase(Clock clock) {
    return new UnregisterBotService(bots(), handlers(), tokens(), outbox(), unitOfWork(), clock);
  }

  default UpdateBotUseCase updateUseCase() {
    return new UpdateBotService(bots(), handlers(), users(), unitOfWork());
  }

  default ListBotsUseCase listUseCase() {
    return new ListBotsService(bots());
  }
}
