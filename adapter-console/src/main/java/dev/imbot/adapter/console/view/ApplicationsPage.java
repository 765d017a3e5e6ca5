package dev.imbot.adapter.console.view;

import dev.imbot.domain.bot.BotSummary;
import dev.imbot.domain.portal.ClientApplication;
import dev.imbot.domain.portal.InboundWebhook;
import dev.imbot.domain.portal.InstallState;
import dev.imbot.domain.portal.Person;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * View model: the Applications page: local applications (registered by the operator) and
 * webhook-keyed ones (known only by the bots a webhook registered for them), each with its number
 * of bots; inbound webhooks; people.
 */
public record ApplicationsPage(
    Layout layout,
    List<ApplicationRow> applications,
    List<WebhookRow> webhooks,
    List<PersonRow> people) {

  static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  /**
   * An application, local or webhook-keyed, how many bots it owns and where its install stands
   * ({@link #installState(InstallState)}).
   */
  public record ApplicationRow(
      String key, boolean local, int bots, String tokenExpires, String install) {
    public String kind() {
      return local ? "Local" : "Webhook-keyed";
    }

    public String deleteHref() {
      return "/console/applications/delete?key="
          + java.net.URLEncoder.encode(key, java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  /**
   * An install state in words: a local application with a handler URL is "Waiting for install"
   * until its {@code ONAPPINSTALL} was delivered; none of its other events goes out before.
   */
  public static String installState(InstallState state) {
    return switch (state) {
      case WAITING_FOR_INSTALL -> "Waiting for install";
      case INSTALLED -> "Installed";
      case UNINSTALLING -> "Uninstalling";
    };
  }

  /**
   * What the operator sees once after creating an application: its secrets, the client secret among
   * them (stored hashed, never shown again), and whether it waits for its install.
   */
  public static Flash created(
      ClientApplication application, String clientSecret, String accessToken) {
    String key = application.key().value();
    String install =
        application.state() == InstallState.WAITING_FOR_INSTALL
            ? " It is waiting for install: ONAPPINSTALL goes to its handler URL, and none of its"
                + " other events goes out before that is delivered."
            : "";
    return Flash.withSecrets(
        "Application "
            + key
            + " is ready. Copy its secrets now: they are not shown again."
            + install,
        List.of(
            new Flash.Secret("Client id", key),
            new Flash.Secret("Access token (auth=…)", accessToken),
            new Flash.Secret("Client secret (for /oauth/token/)", clientSecret),
            new Flash.Secret(
                "Application token (auth[application_token] sent to its handlers)",
                application.applicationToken())));
  }

  /** An inbound webhook: its id, the person it acts as, when it was made. */
  public record WebhookRow(long id, long userId, String person, String createdAt) {}

  /** A person of the portal. */
  public record PersonRow(long id, String name, String email, String workPosition) {}

  public static ApplicationsPage of(
      Layout layout,
      List<ClientApplication> local,
      List<BotSummary> bots,
      List<InboundWebhook> webhooks,
      List<Person> people) {
    Map<String, Long> botsPerApplication =
        bots.stream()
            .collect(Collectors.groupingBy(b -> b.application().value(), Collectors.counting()));
    Map<String, ApplicationRow> rows = new TreeMap<>();
    for (ClientApplication app : local) {
      String key = app.key().value();
      rows.put(
          key,
          new ApplicationRow(
              key,
              true,
              botsPerApplication.getOrDefault(key, 0L).intValue(),
              app.accessTokenExpiresAt() == null
                  ? "never"
                  : WHEN.format(app.accessTokenExpiresAt()),
              installState(app.state())));
    }
    botsPerApplication.forEach(
        (key, count) ->
            rows.putIfAbsent(
                key,
                new ApplicationRow(
                    key, false, count.intValue(), "", installState(InstallState.INSTALLED))));
    Map<Long, Person> byId =
        people.stream().collect(Collectors.toMap(p -> p.id().value(), Function.identity()));
    List<WebhookRow> webhookRows = new ArrayList<>();
    for (InboundWebhook webhook : webhooks) {
      Person person = byId.get(webhook.userId());
      webhookRows.add(
          new WebhookRow(
              webhook.id(),
              webhook.userId(),
              person == null ? "user " + webhook.userId() : fullName(person),
              WHEN.format(webhook.createdAt())));
    }
    List<PersonRow> personRows =
        people.stream()
            .map(
                p ->
                    new PersonRow(
                        p.id().value(),
                        fullName(p),
                        p.email() == null ? "" : p.email().value(),
                        p.workPosition() == null ? "" : p.workPosition()))
            .toList();
    return new ApplicationsPage(layout, List.copyOf(rows.values()), webhookRows, personRows);
  }

  static String fullName(Person person) {
    return person.lastName() == null ? person.name() : person.name() + " " + person.lastName();
  }
}
