package dev.imbot.bootstrap;

import dev.imbot.application.port.in.audit.ActingAs;
import dev.imbot.application.port.in.audit.PruneAuditTrailUseCase;
import dev.imbot.application.port.in.audit.ReadAuditTrailUseCase;
import dev.imbot.application.port.in.bot.ListBotsUseCase;
import dev.imbot.application.port.in.bot.RegisterBotUseCase;
import dev.imbot.application.port.in.bot.ShowBotUseCase;
import dev.imbot.application.port.in.bot.UnregisterBotUseCase;
import dev.imbot.application.port.in.bot.UpdateBotUseCase;
import dev.imbot.application.port.in.chat.AddChatUsersUseCase;
import dev.imbot.application.port.in.chat.ChangeChatSettingsUseCase;
import dev.imbot.application.port.in.chat.CreateChatUseCase;
import dev.imbot.application.port.in.chat.DeleteMessageUseCase;
import dev.imbot.application.port.in.chat.LikeMessageUseCase;
import dev.imbot.application.port.in.chat.ListChatsUseCase;
import dev.imbot.application.port.in.chat.ListMessageDeliveriesUseCase;
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
import dev.imbot.application.port.in.portal.ApplicationInstallUseCase;
import dev.imbot.application.port.in.portal.AuthenticateCallerUseCase;
import dev.imbot.application.port.out.UnitOfWork;
import dev.imbot.application.port.out.audit.AuditTrail;
import dev.imbot.application.port.out.bot.Bots;
import dev.imbot.application.port.out.chat.Chats;
import dev.imbot.application.port.out.chat.MessageDeliveries;
import dev.imbot.application.port.out.chat.Messages;
import dev.imbot.application.port.out.command.AnswerWindows;
import dev.imbot.application.port.out.command.SlashCommands;
import dev.imbot.application.port.out.event.ApplicationHandlers;
import dev.imbot.application.port.out.event.EventOutbox;
import dev.imbot.application.port.out.health.DatabaseProbe;
import dev.imbot.application.port.out.limit.RequestBuckets;
import dev.imbot.application.port.out.portal.AccessTokenHolders;
import dev.imbot.application.port.out.portal.ApplicationEventBindings;
import dev.imbot.application.port.out.portal.ClientApplications;
import dev.imbot.application.port.out.portal.InboundWebhooks;
import dev.imbot.application.port.out.portal.OAuthTokens;
import dev.imbot.application.port.out.portal.People;
import dev.imbot.application.port.out.portal.PortalSettings;
import dev.imbot.application.port.out.portal.PortalUsers;
import dev.imbot.application.service.audit.AuditRecorder;
import dev.imbot.application.service.audit.PruneAuditTrailService;
import dev.imbot.application.service.audit.ReadAuditTrailService;
import dev.imbot.application.service.bot.ListBotsService;
import dev.imbot.application.service.bot.RegisterBotService;
import dev.imbot.application.service.bot.ShowBotService;
import dev.imbot.application.service.bot.UnregisterBotService;
import dev.imbot.application.service.bot.UpdateBotService;
import dev.imbot.application.service.chat.AddChatUsersService;
import dev.imbot.application.service.chat.ChangeChatSettingsService;
import dev.imbot.application.service.chat.CreateChatService;
import dev.imbot.application.service.chat.DeleteMessageService;
import dev.imbot.application.service.chat.LikeMessageService;
import dev.imbot.application.service.chat.ListChatsService;
import dev.imbot.application.service.chat.ListMessageDeliveriesService;
import dev.imbot.application.service.chat.MessageLinkingOutbox;
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
import dev.imbot.application.service.portal.ApplicationInstallService;
import dev.imbot.application.service.portal.AuthenticateCallerService;
import dev.imbot.application.service.portal.OAuthTokensService;
import dev.imbot.application.service.portal.PortalIdentitySource;
import dev.imbot.domain.bot.BotLimitPolicy;
import dev.imbot.domain.chat.EditWindow;
import dev.imbot.domain.command.AnswerWindow;
import dev.imbot.domain.limit.RequestRate;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.server.EmbeddedServer;
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
      BotLimitPolicy limit,
      AuditRecorder audit) {
    return new RegisterBotService(bots, handlers, users, unitOfWork, clock, limit, audit);
  }

  @Singleton
  UnregisterBotUseCase unregister(
      Bots bots,
      ApplicationHandlers handlers,
      OAuthTokens tokens,
      EventOutbox outbox,
      UnitOfWork unitOfWork,
      Clock clock,
      AuditRecorder audit) {
    return new UnregisterBotService(bots, handlers, tokens, outbox, unitOfWork, clock, audit);
  }

  @Singleton
  UpdateBotUseCase update(
      Bots bots,
      ApplicationHandlers handlers,
      PortalUsers users,
      UnitOfWork unitOfWork,
      AuditRecorder audit) {
    return new UpdateBotService(bots, handlers, users, unitOfWork, audit);
  }

  @Singleton
  ListBotsUseCase list(Bots bots) {
    return new ListBotsService(bots);
  }

  @Singleton
  ShowBotUseCase show(Bots bots, ApplicationHandlers handlers) {
    return new ShowBotService(bots, handlers);
  }

  @Singleton
  AuthenticateCallerUseCase authenticate(
      InboundWebhooks webhooks, AccessTokenHolders holders, Clock clock) {
    return new AuthenticateCallerService(webhooks, holders, clock);
  }

  /**
   * The portal's identity, for token answers and every event body alike: the public URL ({@code
   * imbot.portal.public-url}; else {@code http://<imbot.portal.domain>}, the delivery worker's
   * former setting, kept as a fallback; else this instance's http URL) and the stored member id
   * ({@code imbot.portal.member-id}, formerly the worker's own, is stored when none is yet).
   */
  @Singleton
  PortalIdentitySource portalIdentity(
      @Value("${imbot.portal.public-url:}") String configured,
      @Value("${imbot.portal.domain:}") String legacyDomain,
      @Value("${imbot.portal.member-id:}") String legacyMemberId,
      BeanProvider<EmbeddedServer> server,
      BeanProvider<HttpsSetup> https,
      PortalSettings settings) {
    // Asked at first use: the http port is known once the server runs.
    return new PortalIdentitySource(
        () -> {
          if (!configured.isBlank()) {
            return configured;
          }
          if (!legacyDomain.isBlank()) {
            return "http://" + legacyDomain.strip();
          }
          return ServedUrls.of(server.get(), https.isPresent() ? https.get() : null).http();
        },
        settings,
        legacyMemberId.isBlank() ? null : legacyMemberId.strip());
  }

  /** {@code /oauth/token/}, and the tokens of event bodies minted at each delivery attempt. */
  @Singleton
  OAuthTokensService oauthTokens(
      ClientApplications applications,
      OAuthTokens tokens,
      PortalIdentitySource identity,
      @Value("${imbot.oauth.access-token-lifetime:1h}") Duration accessLifetime,
      @Value("${imbot.oauth.refresh-token-lifetime:28d}") Duration refreshLifetime,
      Clock clock) {
    return new OAuthTokensService(
        applications, tokens, identity, accessLifetime, refreshLifetime, clock);
  }

  @Singleton
  ApplicationInstallUseCase applicationInstall(
      ClientApplications applications, UnitOfWork unitOfWork) {
    return new ApplicationInstallService(applications, unitOfWork);
  }

  @Singleton
  ApplicationEventsUseCase applicationEvents(ApplicationEventBindings bindings) {
    return new ApplicationEventsService(bindings);
  }

  @Singleton
  AdministerApplicationsUseCase administerApplications(
      ClientApplications applications,
      Bots bots,
      ApplicationHandlers handlers,
      ApplicationEventBindings eventBindings,
      OAuthTokens tokens,
      EventOutbox outbox,
      UnitOfWork unitOfWork,
      Clock clock,
      AuditRecorder audit) {
    return new AdministerApplicationsService(
        applications, bots, handlers, eventBindings, tokens, outbox, unitOfWork, clock, audit);
  }

  @Singleton
  AdministerWebhooksUseCase administerWebhooks(
      InboundWebhooks webhooks,
      People people,
      UnitOfWork unitOfWork,
      Clock clock,
      AuditRecorder audit) {
    return new AdministerWebhooksService(webhooks, people, unitOfWork, clock, audit);
  }

  @Singleton
  AdministerPeopleUseCase administerPeople(
      People people, PortalUsers users, UnitOfWork unitOfWork, AuditRecorder audit) {
    return new AdministerPeopleService(people, users, unitOfWork, audit);
  }

  @Singleton
  CheckReadinessUseCase readiness(DatabaseProbe database) {
    return new CheckReadinessService(database);
  }

  /** The request-rate limit: off by default, as on Bitrix24 on-premise. */
  @Singleton
  AdmitRequestUseCase admitRequest(
      RequestBuckets buckets,
      @Value("${imbot.rate-limit.enabled:false}") boolean enabled,
      @Value("${imbot.rate-limit.burst:50}") int burst,
      @Value("${imbot.rate-limit.per-second:2}") int perSecond) {
    return new AdmitRequestService(buckets, new RequestRate(burst, perSecond), enabled);
  }

  /** Records registry changes; also how the driving adapters say who acts ({@link ActingAs}). */
  @Singleton
  AuditRecorder audit(AuditTrail trail, Clock clock) {
    return new AuditRecorder(trail, clock);
  }

  @Singleton
  ReadAuditTrailUseCase readAuditTrail(AuditTrail trail) {
    return new ReadAuditTrailService(trail);
  }

  @Singleton
  PruneAuditTrailUseCase pruneAuditTrail(
      AuditTrail trail, Clock clock, @Value("${imbot.audit.retention-days:90}") int retentionDays) {
    return new PruneAuditTrailService(trail, clock, Duration.ofDays(retentionDays));
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
      MessageDeliveries messageDeliveries,
      UnitOfWork unitOfWork,
      Clock clock,
      @Value("${imbot.messaging.edit-window:3d}") Duration editWindow,
      CommandDispatcher commands) {
    return new Messenger(
        chats,
        messages,
        bots,
        people,
        unitOfWork,
        clock,
        new EditWindow(editWindow),
        new OutboxChatEvents(handlers, new MessageLinkingOutbox(outbox, messageDeliveries), clock),
        commands);
  }

  /** The slash commands a posted message or a pressed button calls, sent as ONIMCOMMANDADD. */
  @Singleton
  CommandDispatcher commandDispatcher(
      SlashCommands commands,
      AnswerWindows windows,
      Bots bots,
      ApplicationHandlers handlers,
      EventOutbox outbox,
      Clock clock) {
    return new CommandDispatcher(commands, windows, bots, handlers, outbox, clock);
  }

  @Singleton
  RegisterCommandUseCase registerCommand(
      SlashCommands commands,
      Bots bots,
      ApplicationHandlers handlers,
      UnitOfWork unitOfWork,
      AuditRecorder audit) {
    return new RegisterCommandService(commands, bots, handlers, unitOfWork, audit);
  }

  @Singleton
  UpdateCommandUseCase updateCommand(
      SlashCommands commands,
      ApplicationHandlers handlers,
      UnitOfWork unitOfWork,
      AuditRecorder audit) {
    return new UpdateCommandService(commands, handlers, unitOfWork, audit);
  }

  @Singleton
  UnregisterCommandUseCase unregisterCommand(
      SlashCommands commands, UnitOfWork unitOfWork, AuditRecorder audit) {
    return new UnregisterCommandService(commands, unitOfWork, audit);
  }

  /**
   * {@code imbot.command.answer}; the answer window is {@code imbot.commands.answer-window} (a
   * duration, 10 minutes by default).
   */
  @Singleton
  AnswerCommandUseCase answerCommand(
      SlashCommands commands,
      AnswerWindows windows,
      Messenger messenger,
      @Value("${imbot.commands.answer-window:10m}") Duration answerWindow) {
    return new AnswerCommandService(commands, windows, messenger, new AnswerWindow(answerWindow));
  }

  @Singleton
  PressButtonUseCase pressButton(Messenger messenger, CommandDispatcher commands) {
    return new PressButtonService(messenger, commands);
  }

  @Singleton
  ListMessageDeliveriesUseCase listMessageDeliveries(MessageDeliveries messageDeliveries) {
    return new ListMessageDeliveriesService(messageDeliveries);
  }

  @Singleton
  ResolveBotUseCase resolveBot(Bots bots) {
    return new ResolveBotService(bots);
  }

  @Singleton
  ResolveActorUseCase resolveActor(Bots bots) {
    return new ResolveActorService(bots);
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

  @Singleton
  ListChatsUseCase listChats(Messenger messenger) {
    return new ListChatsService(messenger);
  }
}
