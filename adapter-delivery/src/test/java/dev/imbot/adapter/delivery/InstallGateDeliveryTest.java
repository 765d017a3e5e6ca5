package dev.imbot.adapter.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.imbot.adapter.inmemory.InMemoryDueDeliveries;
import dev.imbot.domain.delivery.RetrySchedule;
import dev.imbot.domain.event.AuthSubjects;
import dev.imbot.domain.event.EventData;
import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.portal.ClientApplication;
import dev.imbot.domain.portal.InstallState;
import dev.imbot.domain.portal.OAuthToken;
import dev.imbot.domain.portal.SecretHash;
import dev.imbot.domain.portal.UserId;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The worker renders each attempt's {@code auth} blocks through the token-minting use case and
 * obeys the install gate, over real HTTP handlers: events of an application wait for its {@code
 * ONAPPINSTALL}, a delivered {@code ONAPPUNINSTALL} drops what is left and removes the application.
 */
class InstallGateDeliveryTest {
  static final DeliveryRig.Settings DEFAULTS = DeliveryRig.Settings.defaults();
  static final String APP = "local.0123456789abcd.12345678";
  static final String APPLICATION_TOKEN = "0123456789abcdef0123456789abcdef";

  private static void localApplication(DeliveryRig rig, InstallState state) {
    rig.portal
        .unitOfWork()
        .run(
            () -> {
              rig.portal
                  .applications()
                  .save(
                      new ClientApplication(
                          ApplicationKey.of(APP),
                          null,
                          null,
                          APPLICATION_TOKEN,
                          SecretHash.of("secret"),
                          "http://127.0.0.1/handler",
                          null,
                          "Echo",
                          state,
                          null));
              return null;
            });
  }

  private static Optional<ClientApplication> application(DeliveryRig rig) {
    return rig.portal.applications().find(ApplicationKey.of(APP));
  }

  /** A body as PHP's {@code parse_str} would flatten it: bracket names to values. */
  private static Map<String, String> fields(HandlerServer.Received request) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : request.bodyText().split("&")) {
      String[] parts = pair.split("=", 2);
      fields.put(
          URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
          URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
    }
    return fields;
  }

  /** A message of user 1 that bot 7 hears, for {@code application}'s handler at {@code url}. */
  private static long enqueueMessage(DeliveryRig rig, String application, String url) {
    return rig.enqueue(
        application,
        "ONIMBOTMESSAGEADD",
        url,
        MESSAGE,
        new AuthSubjects(UserId.of(1), List.of(UserId.of(7))));
  }

  /** The install of {@link #APP} by user 1, for the handler's {@code /install}. */
  private static long enqueueInstall(DeliveryRig rig, HandlerServer handler) {
    return rig.enqueue(
        APP,
        "ONAPPINSTALL",
        handler.url("/install"),
        EventData.builder().put("VERSION", "1").build(),
        new AuthSubjects(UserId.of(1), List.of()));
  }

  /** The uninstall of {@link #APP}, for the handler's {@code /uninstall}. */
  private static long enqueueUninstall(DeliveryRig rig, HandlerServer handler) {
    return rig.enqueue(
        APP,
        "ONAPPUNINSTALL",
        handler.url("/uninstall"),
        EventData.builder().put("CLEAN", "1").build(),
        AuthSubjects.none());
  }

  /** The deletion of {@link #APP}'s bot 7, for the handler's {@code /bot}. */
  private static long enqueueBotDelete(DeliveryRig rig, HandlerServer handler) {
    return rig.enqueue(
        APP,
        "ONIMBOTDELETE",
        handler.url("/bot"),
        EventData.builder().put("BOT_ID", "7").put("BOT_CODE", "echo").build(),
        AuthSubjects.none());
  }

  /** Waits for {@code ending} to reach {@code status} and the application to be gone. */
  private static void awaitRemovedAfter(DeliveryRig rig, long ending, String status) {
    await().until(() -> rig.stored(ending).status().equals(status));
    await().until(() -> application(rig).isEmpty());
  }

  /** {@code delivery} is dead, dropped because its application was uninstalled. */
  private static void assertDroppedByTheUninstall(InMemoryDueDeliveries.Stored delivery) {
    assertThat(delivery.status()).isEqualTo(InMemoryDueDeliveries.DEAD);
    assertThat(delivery.lastError()).isEqualTo("dropped: the application was uninstalled");
  }

  /** The names of a body's fields that start with {@code prefix}, in order. */
  private static List<String> named(Map<String, String> body, String prefix) {
    return body.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
  }

  private static final EventData MESSAGE =
      EventData.builder()
          .put(
              "BOT",
              EventData.builder().put("7", EventData.builder().put("BOT_ID", "7").build()).build())
          .put("PARAMS", EventData.builder().put("MESSAGE", "hi").build())
          .build();

  @Test
  void givenApplicationWaitingForInstall_worker_holdsItsEventsUntilItsInstallIsDelivered()
      throws Exception {
    try (HandlerServer handler = HandlerServer.ok();
        DeliveryRig rig = new DeliveryRig(DEFAULTS)) {
      localApplication(rig, InstallState.WAITING_FOR_INSTALL);
      long message = enqueueMessage(rig, APP, handler.url("/bot"));
      rig.worker.start();
      await().until(() -> rig.stored(message).lastError() != null);
      Thread.sleep(100);
      assertThat(handler.calls()).as("nothing before the install").isZero();
      InMemoryDueDeliveries.Stored waiting = rig.stored(message);
      assertThat(waiting.status()).isEqualTo(InMemoryDueDeliveries.PENDING);
      assertThat(waiting.attemptsMade()).isZero();
      assertThat(waiting.lastError()).startsWith("waiting for install");

      long install = enqueueInstall(rig, handler);

      await().until(() -> handler.calls() == 2);
      assertThat(handler.received().get(0).path()).isEqualTo("/install");
      assertThat(handler.received().get(1).path()).isEqualTo("/bot");
      assertThat(rig.stored(install).status()).isEqualTo(InMemoryDueDeliveries.DELIVERED);
      await().until(() -> rig.stored(message).status().equals(InMemoryDueDeliveries.DELIVERED));
      assertThat(application(rig).orElseThrow().state()).isEqualTo(InstallState.INSTALLED);
    }
  }

  @Test
  void givenLocalApplication_attempt_carriesTokensMintedThenForTheActingUserAndEachBot()
      throws Exception {
    try (HandlerServer handler = HandlerServer.failingFirst(1);
        DeliveryRig rig = new DeliveryRig(DEFAULTS)) {
      localApplication(rig, InstallState.INSTALLED);
      enqueueMessage(rig, APP, handler.url("/bot"));
      rig.worker.start();
      await().until(() -> handler.calls() == 1);
      rig.clock.advance(Duration.ofSeconds(10));
      await().until(() -> handler.calls() == 2);

      Map<String, String> first = fields(handler.received().get(0));
      Map<String, String> retry = fields(handler.received().get(1));
      assertThat(named(retry, "auth["))
          .containsExactly(
              "auth[access_token]",
              "auth[expires]",
              "auth[expires_in]",
              "auth[scope]",
              "auth[domain]",
              "auth[server_endpoint]",
              "auth[status]",
              "auth[client_endpoint]",
              "auth[member_id]",
              "auth[user_id]",
              "auth[refresh_token]",
              "auth[application_token]");
      assertThat(retry)
          .containsEntry("auth[user_id]", "1")
          .containsEntry("auth[domain]", "127.0.0.1:8080")
          .containsEntry("auth[client_endpoint]", DeliveryRig.PUBLIC_URL + "/rest/")
          .containsEntry("auth[server_endpoint]", DeliveryRig.PUBLIC_URL + "/oauth/")
          .containsEntry("auth[status]", "L")
          .containsEntry("auth[scope]", "imbot,im")
          .containsEntry("auth[application_token]", APPLICATION_TOKEN)
          .containsEntry("data[BOT][7][user_id]", "7")
          .containsEntry("data[BOT][7][client_id]", APP)
          .containsEntry("data[BOT][7][AUTH][user_id]", "7")
          .containsEntry("data[BOT][7][BOT_ID]", "7")
          .containsEntry("data[PARAMS][MESSAGE]", "hi");
      assertThat(retry.get("auth[member_id]")).matches("[0-9a-f]{32}");
      assertThat(retry.get("auth[expires]"))
          .isEqualTo(Long.toString(rig.clock.instant().plusSeconds(3600).getEpochSecond()));
      assertThat(retry.get("auth[access_token]"))
          .as("a retry carries a token minted at its own attempt")
          .isNotEqualTo(first.get("auth[access_token]"));
      Optional<OAuthToken> token =
          rig.portal.tokens().find(SecretHash.of(retry.get("auth[access_token]")));
      assertThat(token).isPresent();
      assertThat(token.get().user()).isEqualTo(UserId.of(1));
      assertThat(
              rig.portal
                  .tokens()
                  .find(SecretHash.of(retry.get("data[BOT][7][access_token]")))
                  .orElseThrow()
                  .user())
          .isEqualTo(UserId.of(7));
    }
  }

  /**
   * Bitrix24's placement of {@code refresh_token}: in the top-level {@code auth} of message and
   * command events and the install, not of join or bot delete; in every bot block and its {@code
   * AUTH} copy, join included.
   */
  @ParameterizedTest
  @CsvSource({
    "ONIMBOTMESSAGEADD, true",
    "ONIMBOTMESSAGEUPDATE, true",
    "ONIMBOTMESSAGEDELETE, true",
    "ONIMCOMMANDADD, true",
    "ONAPPINSTALL, true",
    "ONIMBOTJOINCHAT, false",
    "ONIMBOTDELETE, false"
  })
  void givenEvent_attempt_carriesRefreshTokenWhereBitrix24Does(String event, boolean topLevel)
      throws Exception {
    try (HandlerServer handler = HandlerServer.ok();
        DeliveryRig rig = new DeliveryRig(DEFAULTS)) {
      localApplication(rig, InstallState.INSTALLED);
      boolean withBot = !event.equals("ONIMBOTDELETE") && !event.equals("ONAPPINSTALL");
      EventData data =
          event.equals("ONIMCOMMANDADD")
              ? EventData.builder()
                  .put(
                      "COMMAND",
                      EventData.builder()
                          .put("3", EventData.builder().put("BOT_ID", "7").build())
                          .build())
                  .build()
              : withBot ? MESSAGE : EventData.builder().put("BOT_ID", "7").build();
      rig.enqueue(
          APP,
          event,
          handler.url("/bot"),
          data,
          new AuthSubjects(UserId.of(1), withBot ? List.of(UserId.of(7)) : List.of()));
      rig.worker.start();
      await().until(() -> handler.calls() == 1);

      Map<String, String> body = fields(handler.received().get(0));
      assertThat(body.containsKey("auth[refresh_token]")).as("top-level auth").isEqualTo(topLevel);
      assertThat(body).containsKey("auth[access_token]");
      if (withBot) {
        String block = event.equals("ONIMCOMMANDADD") ? "data[COMMAND][3]" : "data[BOT][7]";
        assertThat(body).containsKey(block + "[refresh_token]");
        assertThat(body).containsKey(block + "[AUTH][refresh_token]");
        assertThat(body.get(block + "[refresh_token]"))
            .isEqualTo(body.get(block + "[AUTH][refresh_token]"));
        assertThat(rig.portal.tokens().find(SecretHash.of(body.get(block + "[refresh_token]"))))
            .as("the bot's refresh token is live")
            .isPresent();
      }
    }
  }

  @Test
  void givenWebhookKeyedApplication_attempt_carriesDomainMemberIdAndClientIdOnly()
      throws Exception {
    try (HandlerServer handler = HandlerServer.ok();
        DeliveryRig rig = new DeliveryRig(DEFAULTS)) {
      enqueueMessage(rig, "custommyapp", handler.url("/bot"));
      rig.worker.start();
      await().until(() -> handler.calls() == 1);

      Map<String, String> body = fields(handler.received().get(0));
      assertThat(named(body, "auth["))
          .containsExactly("auth[domain]", "auth[member_id]", "auth[application_token]");
      assertThat(body).containsEntry("auth[application_token]", "myapp");
      assertThat(named(body, "data[BOT]")).containsExactly("data[BOT][7][BOT_ID]");
    }
  }

  @Test
  void givenUninstallingApplication_uninstallDelivered_dropsWhatIsLeftAndRemovesTheApplication()
      throws Exception {
    try (HandlerServer handler =
            HandlerServer.answering(call -> HandlerServer.Answer.status(call == 1 ? 500 : 200));
        DeliveryRig rig = new DeliveryRig(DEFAULTS)) {
      localApplication(rig, InstallState.UNINSTALLING);
      long botDelete = enqueueBotDelete(rig, handler);
      rig.worker.start();
      await().until(() -> rig.stored(botDelete).attemptsMade() == 1);
      long uninstall = enqueueUninstall(rig, handler);

      awaitRemovedAfter(rig, uninstall, InMemoryDueDeliveries.DELIVERED);
      assertDroppedByTheUninstall(rig.stored(botDelete));
      Map<String, String> body = fields(handler.received().get(1));
      assertThat(named(body, "auth["))
          .containsExactly("auth[domain]", "auth[member_id]", "auth[application_token]");
      assertThat(body).containsEntry("auth[application_token]", APPLICATION_TOKEN);
    }
  }

  @Test
  void givenApplicationRemovedBeforeItsInstallWasDelivered_worker_neverSendsTheInstallAndDropsIt()
      throws Exception {
    try (HandlerServer handler = HandlerServer.ok();
        DeliveryRig rig = new DeliveryRig(DEFAULTS)) {
      localApplication(rig, InstallState.UNINSTALLING);
      long install = enqueueInstall(rig, handler);
      long uninstall = enqueueUninstall(rig, handler);
      rig.worker.start();

      awaitRemovedAfter(rig, uninstall, InMemoryDueDeliveries.DELIVERED);
      InMemoryDueDeliveries.Stored dropped = rig.stored(install);
      assertDroppedByTheUninstall(dropped);
      assertThat(dropped.attemptsMade()).isZero();
      assertThat(handler.received())
          .extracting(HandlerServer.Received::path)
          .containsExactly("/uninstall");
    }
  }

  @Test
  void givenUninstallEventDead_worker_dropsWhatIsLeftAndRemovesTheApplication() throws Exception {
    try (HandlerServer handler = HandlerServer.answering(call -> HandlerServer.Answer.status(500));
        DeliveryRig rig =
            new DeliveryRig(DEFAULTS.schedule(new RetrySchedule(List.of(Duration.ZERO), 0)))) {
      localApplication(rig, InstallState.UNINSTALLING);
      long install = enqueueInstall(rig, handler);
      long uninstall = enqueueUninstall(rig, handler);
      rig.worker.start();

      awaitRemovedAfter(rig, uninstall, InMemoryDueDeliveries.DEAD);
      assertDroppedByTheUninstall(rig.stored(install));
    }
  }

  @Test
  void givenApplicationRemovedWithoutUninstallEvent_lastBotDelete_carriesItsTokenAndEndsIt()
      throws Exception {
    try (HandlerServer handler = HandlerServer.ok();
        DeliveryRig rig = new DeliveryRig(DEFAULTS)) {
      localApplication(rig, InstallState.UNINSTALLING);
      long botDelete = enqueueBotDelete(rig, handler);
      rig.worker.start();

      awaitRemovedAfter(rig, botDelete, InMemoryDueDeliveries.DELIVERED);
      Map<String, String> body = fields(handler.received().get(0));
      assertThat(body).containsEntry("auth[application_token]", APPLICATION_TOKEN);
    }
  }
}
