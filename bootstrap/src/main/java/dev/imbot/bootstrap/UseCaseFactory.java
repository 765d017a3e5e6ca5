package dev.imbot.bootstrap;

import dev.imbot.application.port.in.bot.ListBotsUseCase;
import dev.imbot.application.port.in.bot.RegisterBotUseCase;
import dev.imbot.application.port.in.bot.UnregisterBotUseCase;
import dev.imbot.application.port.in.bot.UpdateBotUseCase;
import dev.imbot.application.port.in.chat.AddChatUsersUseCase;
import dev.imbot.application.port.in.chat.ChangeChatSettingsUseCase;
import dev.imbot.application.port.in.chat.CreateChatUseCase;
import dev.imbot.application.port.in.chat.DeleteMessageUseCase;
import dev.imbot.application.port.in.chat.LikeMessageUseCase;
import dev.imbot.application.port.in.chat.PostMessageUseCase;
import dev.imbot.application.port.in.chat.ReadChatsUseCase;
import dev.imbot.application.port.in.chat.RemoveChatUserUseCase;
import dev.imbot.application.port.in.chat.ResolveBotUseCase;
import dev.imbot.application.port.in.chat.UpdateMessageUseCase;
import dev.imbot.application.port.in.portal.AdministerApplicationsUseCase;
import dev.imbot.application.port.in.portal.AdministerPeopleUseCase;
import dev.imbot.application.port.in.portal.AdministerWebhooksUseCase;
import dev.imbot.application.port.in.portal.AuthenticateCallerUseCase;
import dev.imbot.application.port.out.UnitOfWork;
import dev.imbot.application.port.out.bot.Bots;
import dev.imbot.application.port.out.chat.Chats;
import dev.imbot.application.port.out.chat.Messages;
import dev.imbot.application.port.out.event.ApplicationHandlers;
import dev.imbot.application.port.out.event.EventOutbox;
import dev.imbot.application.port.out.portal.ClientApplications;
import dev.imbot.application.port.out.portal.InboundWebhooks;
import dev.imbot.application.port.out.portal.People;
import dev.imbot.application.port.out.portal.PortalUsers;
import dev.imbot.application.service.bot.ListBotsService;
import dev.imbot.application.service.bot.RegisterBotService;
import dev.imbot.application.service.bot.UnregisterBotService;
import dev.imbot.application.service.bot.UpdateBotService;
import dev.imbot.application.service.chat.AddChatUsersService;
import dev.imbot.application.service.chat.ChangeChatSettingsService;
import dev.imbot.application.service.chat.CreateChatService;
import dev.imbot.application.service.chat.DeleteMessageService;
import dev.imbot.application.service.chat.LikeMessageService;
import dev.imbot.application.service.chat.Messenger;
import dev.imbot.application.service.chat.OutboxChatEvents;
import dev.imbot.application.service.chat.PostMessageService;
import dev.imbot.application.service.chat.ReadChatsService;
import dev.imbot.application.service.chat.RemoveChatUserService;
import dev.imbot.application.service.chat.ResolveBotService;
import dev.imbot.application.service.chat.UpdateMessageService;
import dev.imbot.application.service.portal.AdministerApplicationsService;
import dev.imbot.application.service.portal.AdministerPeopleService;
import dev.imbot.application.service.portal.AdministerWebhooksService;
import dev.imbot.application.service.portal.AuthenticateCallerService;
import dev.imbot.domain.bot.BotLimitPolicy;
import dev.imbot.domain.chat.EditWindow;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/**
 * Composition root: builds the framework-free services over the persistence adapter's ports, so the
 * application layer never sees Micronaut.
 */
@Factory
public class UseCaseFactory {

  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }

  @Singleton
  BotLimitPolicy botLimit(
      @Value("${imbot.registration.max-bots-per-application:5}") int maxBotsPerApplication) {
    return new BotLimitPolicy(maxBotsPerApplication);
  }

  @Singleton
  RegisterBotUseCase register(
      Bots bots,
      ApplicationHandlers handlers,
      PortalUsers users,
      UnitOfWork unitOfWork,
      Clock clock,
      BotLimitPolicy limit) {
    return new RegisterBotService(bots, handlers, users, unitOfWork, clock, limit);
  }

  @Singleton
  UnregisterBotUseCase unregister(
      Bots bots,
      ApplicationHandlers handlers,
      EventOutbox outbox,
      UnitOfWork unitOfWork,
      Clock clock) {
    return new UnregisterBotService(bots, handlers, outbox, unitOfWork, clock);
  }

  @Singleton
  UpdateBotUseCase update(
      Bots bots, ApplicationHandlers handlers, PortalUsers users, UnitOfWork unitOfWork) {
    return new UpdateBotService(bots, handlers, users, unitOfWork);
  }

  @Singleton
  ListBotsUseCase list(Bots bots) {
    return new ListBotsService(bots);
  }

  @Singleton
  AuthenticateCallerUseCase authenticate(
      InboundWebhooks webhooks, ClientApplications applications, Clock clock) {
    return new AuthenticateCallerService(webhooks, applications, clock);
  }

  @Singleton
  AdministerApplicationsUseCase administerApplications(
      ClientApplications applications,
      Bots bots,
      ApplicationHandlers handlers,
      EventOutbox outbox,
      UnitOfWork unitOfWork,
      Clock clock) {
    return new AdministerApplicationsService(
        applications, bots, handlers, outbox, unitOfWork, clock);
  }

  @Singleton
  AdministerWebhooksUseCase administerWebhooks(
      InboundWebhooks webhooks, People people, UnitOfWork unitOfWork, Clock clock) {
    return new AdministerWebhooksService(webhooks, people, unitOfWork, clock);
  }

  @Singleton
  AdministerPeopleUseCase administerPeople(
      People people, PortalUsers users, UnitOfWork unitOfWork) {
    return new AdministerPeopleService(people, users, unitOfWork);
  }

  /**
   * The messenger's shared parts; the edit window is {@code imbot.messaging.edit-window} (a
   * duration, 3 days by default, as in Bitrix24).
   */
  @Singleton
  Messenger messenger(
      Chats chats,
      Messages messages,
      Bots bots,
      People people,
      ApplicationHandlers handlers,
      EventOutbox outbox,
      UnitOfWork unitOfWork,
      Clock clock,
      @Value("${imbot.messaging.edit-window:3d}") Duration editWindow) {
    return new Messenger(
        chats,
        messages,
        bots,
        people,
        unitOfWork,
        clock,
        new EditWindow(editWindow),
        new OutboxChatEvents(handlers, outbox, clock));
  }

  @Singleton
  ResolveBotUseCase resolveBot(Bots bots) {
    return new ResolveBotService(bots);
  }

  @Singleton
  PostMessageUseCase postMessage(Messenger messenger) {
    return new PostMessageService(messenger);
  }

  @Singleton
  UpdateMessageUseCase updateMessage(Messenger messenger) {
    return new UpdateMessageService(messenger);
  }

  @Singleton
  DeleteMessageUseCase deleteMessage(Messenger messenger) {
    return new DeleteMessageService(messenger);
  }

  @Singleton
  LikeMessageUseCase likeMessage(Messenger messenger) {
    return new LikeMessageService(messenger);
  }

  @Singleton
  CreateChatUseCase createChat(Messenger messenger) {
    return new CreateChatService(messenger);
  }

  @Singleton
  AddChatUsersUseCase addChatUsers(Messenger messenger) {
    return new AddChatUsersService(messenger);
  }

  @Singleton
  RemoveChatUserUseCase removeChatUser(Messenger messenger) {
    return new RemoveChatUserService(messenger);
  }

  @Singleton
  ChangeChatSettingsUseCase changeChatSettings(Messenger messenger) {
    return new ChangeChatSettingsService(messenger);
  }

  @Singleton
  ReadChatsUseCase readChats(Messenger messenger) {
    return new ReadChatsService(messenger);
  }
}
