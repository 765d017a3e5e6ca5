package dev.imbot.adapter.rest;

import dev.imbot.adapter.inmemory.InMemoryPortal;
import dev.imbot.application.port.in.audit.ActingAs;
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
import dev.imbot.application.port.in.chat.ResolveActorUseCase;
import dev.imbot.application.port.in.chat.ResolveBotUseCase;
import dev.imbot.application.port.in.chat.TypingUseCase;
import dev.imbot.application.port.in.chat.UpdateMessageUseCase;
import dev.imbot.application.port.in.command.AnswerCommandUseCase;
import dev.imbot.application.port.in.command.PressButtonUseCase;
import dev.imbot.application.port.in.command.RegisterCommandUseCase;
import dev.imbot.application.port.in.command.UnregisterCommandUseCase;
import dev.imbot.application.port.in.command.UpdateCommandUseCase;
import dev.imbot.application.port.in.health.CheckReadinessUseCase;
import dev.imbot.application.port.in.limit.AdmitRequestUseCase;
import dev.imbot.application.port.in.portal.AdministerApplicationsUseCase;
import dev.imbot.application.port.in.portal.AdministerPeopleUseCase;
import dev.imbot.application.port.in.portal.AdministerWebhooksUseCase;
import dev.imbot.application.port.in.portal.ApplicationEventsUseCase;
import dev.imbot.application.port.in.portal.AuthenticateCallerUseCase;
import dev.imbot.application.service.audit.AuditRecorder;
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
import dev.imbot.application.service.chat.ResolveActorService;
import dev.imbot.application.service.chat.ResolveBotService;
import dev.imbot.application.service.chat.TypingService;
import dev.imbot.application.service.chat.UpdateMessageService;
import dev.imbot.application.service.command.AnswerCommandService;
import dev.imbot.application.service.command.CommandDispatcher;
import dev.imbot.application.service.command.PressButtonService;
import dev.imbot.application.service.command.RegisterCommandService;
import dev.imbot.application.service.command.UnregisterCommandService;
import dev.imbot.application.service.command.UpdateCommandService;
import dev.imbot.application.service.health.CheckReadinessService;
import dev.imbot.application.service.limit.AdmitRequestService;
import dev.imbot.application.service.portal.AdministerApplicationsService;
import dev.imbot.application.service.portal.AdministerPeopleService;
import dev.imbot.application.service.portal.AdministerWebhooksService;
import dev.imbot.application.service.portal.ApplicationEventsService;
import dev.imbot.application.service.portal.AuthenticateCallerService;
import dev.imbot.application.service.portal.OAuthTokensService;
import dev.imbot.application.service.portal.PortalIdentitySource;
import dev.imbot.domain.bot.BotLimitPolicy;
import dev.imbot.domain.chat.EditWindow;
import dev.imbot.domain.command.AnswerWindow;
import dev.imbot.domain.portal.Email;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/**
 * Test wiring: the REST adapter over the in-memory ports, as bootstrap wires it over the database.
 * Every test class gets its own application context, so its own empty portal (with person 1, the
 * administrator, who has an address bots may not take).
 */
@Factory
public class InMemoryServices {

  @Singleton
  InMemoryPortal portal() {
    return new InMemoryPortal(Email.of("admin@portal.example.com"));
  }

  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }

  @Singleton
  AuthenticateCallerUseCase authenticate(InMemoryPortal portal, Clock clock) {
    return new AuthenticateCallerService(
        portal.webhooks(), portal.applications(), portal.tokens(), clock);
  }

  @Singleton
  RegisterBotUseCase register(InMemoryPortal portal, Clock clock) {
    return new RegisterBotService(
        portal.bots(),
        portal.handlers(),
        portal.users(),
        portal.unitOfWork(),
        clock,
        BotLimitPolicy.defaultLimit());
  }

  @Singleton
  UnregisterBotUseCase unregister(InMemoryPortal portal, Clock clock) {
    return new UnregisterBotService(
        portal.bots(),
        portal.handlers(),
        portal.tokens(),
        portal.outbox(),
        portal.unitOfWork(),
        clock);
  }

  @Singleton
  UpdateBotUseCase update(InMemoryPortal portal) {
    return new UpdateBotService(
        portal.bots(), portal.handlers(), portal.users(), portal.unitOfWork());
  }

  @Singleton
  ListBotsUseCase list(InMemoryPortal portal) {
    return new ListBotsService(portal.bots());
  }

  @Singleton
  AdministerApplicationsUseCase administerApplications(InMemoryPortal portal, Clock clock) {
    return new AdministerApplicationsService(
        portal.applications(),
        portal.bots(),
        portal.handlers(),
        portal.eventBindings(),
        portal.tokens(),
        portal.outbox(),
        portal.unitOfWork(),
        clock);
  }

  @Singleton
  OAuthTokensService oauthTokens(InMemoryPortal portal, Clock clock) {
    return new OAuthTokensService(
        portal.applications(),
        portal.tokens(),
        new PortalIdentitySource("http://127.0.0.1:8080", portal.settings()),
        Duration.ofHours(1),
        Duration.ofDays(28),
        clock);
  }

  @Singleton
  ApplicationEventsUseCase applicationEvents(InMemoryPortal portal) {
    return new ApplicationEventsService(portal.eventBindings());
  }

  @Singleton
  AdministerWebhooksUseCase administerWebhooks(InMemoryPortal portal, Clock clock) {
    return new AdministerWebhooksService(
        portal.webhooks(), portal.people(), portal.unitOfWork(), clock);
  }

  @Singleton
  AdministerPeopleUseCase administerPeople(InMemoryPortal portal) {
    return new AdministerPeopleService(portal.people(), portal.users(), portal.unitOfWork());
  }

  /** The in-memory portal has no database to lose. */
  @Singleton
  CheckReadinessUseCase readiness() {
    return new CheckReadinessService(() -> {});
  }

  /** The request-rate limit, off as by default; its buckets are tested on the real service. */
  @Singleton
  AdmitRequestUseCase admitRequest() {
    return AdmitRequestService.off();
  }

  /** No audit trail in memory: the trail is tested on the real service. */
  @Singleton
  ActingAs actingAs() {
    return AuditRecorder.none();
  }

  @Singleton
  CommandDispatcher commandDispatcher(InMemoryPortal portal, Clock clock) {
    return new CommandDispatcher(
        portal.commands(),
        portal.answerWindows(),
        portal.bots(),
        portal.handlers(),
        portal.outbox(),
        clock);
  }

  @Singleton
  Messenger messenger(InMemoryPortal portal, Clock clock, CommandDispatcher commands) {
    return new Messenger(
        portal.chats(),
        portal.messages(),
        portal.bots(),
        portal.people(),
        portal.unitOfWork(),
        clock,
        EditWindow.DEFAULT,
        new OutboxChatEvents(portal.handlers(), portal.outbox(), clock),
        commands);
  }

  @Singleton
  RegisterCommandUseCase registerCommand(InMemoryPortal portal) {
    return new RegisterCommandService(
        portal.commands(), portal.bots(), portal.handlers(), portal.unitOfWork());
  }

  @Singleton
  UpdateCommandUseCase updateCommand(InMemoryPortal portal) {
    return new UpdateCommandService(portal.commands(), portal.handlers(), portal.unitOfWork());
  }

  @Singleton
  UnregisterCommandUseCase unregisterCommand(InMemoryPortal portal) {
    return new UnregisterCommandService(portal.commands(), portal.unitOfWork());
  }

  /** The answer window is {@code imbot.commands.answer-window}, as bootstrap reads it. */
  @Singleton
  AnswerCommandUseCase answerCommand(
      InMemoryPortal portal,
      Messenger messenger,
      @Value("${imbot.commands.answer-window:10m}") Duration answerWindow) {
    return new AnswerCommandService(
        portal.commands(), portal.answerWindows(), messenger, new AnswerWindow(answerWindow));
  }

  @Singleton
  PressButtonUseCase pressButton(Messenger messenger, CommandDispatcher commands) {
    return new PressButtonService(messenger, commands);
  }

  @Singleton
  ResolveBotUseCase resolveBot(InMemoryPortal portal) {
    return new ResolveBotService(portal.bots());
  }

  @Singleton
  ResolveActorUseCase resolveActor(InMemoryPortal portal) {
    return new ResolveActorService(portal.bots());
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

  /** "… is typing" marks last six seconds, as long as a Bitrix24 client shows one. */
  @Singleton
  TypingUseCase typing(Messenger messenger) {
    return new TypingService(messenger, Duration.ofSeconds(6));
  }
}
