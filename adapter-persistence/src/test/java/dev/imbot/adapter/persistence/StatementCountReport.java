package dev.imbot.adapter.persistence;

import dev.imbot.application.contract.TestCommands;
import dev.imbot.application.port.in.bot.RegisterBotUseCase;
import dev.imbot.application.port.in.bot.UnregisterBotCommand;
import dev.imbot.application.port.in.portal.AdministerApplicationsUseCase.RegisterApplicationCommand;
import dev.imbot.application.port.in.portal.AdministerPeopleUseCase.AddPersonCommand;
import dev.imbot.application.port.in.portal.Credentials;
import dev.imbot.application.service.portal.AdministerApplicationsService;
import dev.imbot.application.service.portal.AdministerPeopleService;
import dev.imbot.application.service.portal.AuthenticateCallerService;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.bot.BotLimitPolicy;
import dev.imbot.domain.portal.ApplicationKey;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** Test support: the statements each operation costs, for the record (printed by the tests). */
final class StatementCountReport {
  private StatementCountReport() {}

  static Map<String, Long> measure(DatabaseTestPortal portal, Clock clock) {
    StatementCounter statements = portal.instance().statements();
    DatabaseInstance instance = portal.instance();
    Map<String, Long> counts = new LinkedHashMap<>();
    ApplicationKey app = ApplicationKey.of("app.count");
    AdministerApplicationsService applications =
        new AdministerApplicationsService(
            instance.applications(),
            portal.bots(),
            portal.handlers(),
            instance.eventBindings(),
            instance.tokens(),
            portal.outbox(),
            portal.unitOfWork(),
            clock);
    counts.put(
        "admin: register application",
        statements.countDuring(
            () ->
                applications.register(
                    new RegisterApplicationCommand(app.value(), "count-token-0123456789", null))));
    AuthenticateCallerService authenticate =
        new AuthenticateCallerService(instance.webhooks(), instance.accessTokenHolders(), clock);
    counts.put(
        "authenticate by access token",
        statements.countDuring(
            () ->
                authenticate.authenticate(new Credentials.AccessToken("count-token-0123456789"))));
    RegisterBotUseCase register = portal.registerUseCase(BotLimitPolicy.defaultLimit(), clock);
    BotId[] first = new BotId[1];
    counts.put(
        "imbot.register, first of its application",
        statements.countDuring(
            () -> first[0] = register.register(TestCommands.seed(app).build()).botId()));
    BotId[] second = new BotId[1];
    counts.put(
        "imbot.register, next, no e-mail",
        statements.countDuring(
            () ->
                second[0] =
                    register.register(TestCommands.minimal(app, "second").build()).botId()));
    counts.put(
        "imbot.register, again (idempotent)",
        statements.countDuring(
            () -> register.register(TestCommands.minimal(app, "second").build())));
    counts.put(
        "imbot.update, name",
        statements.countDuring(
            () ->
                portal
                    .updateUseCase()
                    .update(TestCommands.update(app, second[0]).property("NAME", "New").build())));
    counts.put(
        "imbot.bot.list",
        statements.countDuring(
            () ->
                portal
                    .listUseCase()
                    .listBots(new dev.imbot.application.port.in.bot.ListBotsQuery())));
    counts.put("find a bot by id", statements.countDuring(() -> portal.bots().findById(first[0])));
    counts.put(
        "imbot.unregister, not the last bot",
        statements.countDuring(
            () ->
                portal
                    .unregisterUseCase(clock)
                    .unregister(new UnregisterBotCommand(app, first[0]))));
    counts.put(
        "imbot.unregister, the last bot",
        statements.countDuring(
            () ->
                portal
                    .unregisterUseCase(clock)
                    .unregister(new UnregisterBotCommand(app, second[0]))));
    register.register(TestCommands.minimal(app, "third").build());
    register.register(TestCommands.minimal(app, "fourth").build());
    counts.put(
        "admin: remove application with 2 bots",
        statements.countDuring(() -> applications.remove(app)));
    AdministerPeopleService people =
        new AdministerPeopleService(instance.people(), portal.users(), portal.unitOfWork());
    counts.put(
        "admin: add person with e-mail",
        statements.countDuring(
            () -> people.add(new AddPersonCommand("Counted", "counted@example.com"))));
    return counts;
  }
}
