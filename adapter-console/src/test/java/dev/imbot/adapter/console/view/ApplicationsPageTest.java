package dev.imbot.adapter.console.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imbot.domain.bot.BotCode;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.bot.BotSummary;
import dev.imbot.domain.bot.BotType;
import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.portal.ClientApplication;
import dev.imbot.domain.portal.InstallState;
import dev.imbot.domain.portal.Person;
import dev.imbot.domain.portal.SecretHash;
import dev.imbot.domain.portal.UserId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Applications page's rows, the delete confirmation and the menu. */
class ApplicationsPageTest {
  private static BotSummary bot(long id, String app) {
    return new BotSummary(
        BotId.of(id),
        ApplicationKey.of(app),
        BotCode.of("b" + id),
        BotType.BOT,
        "Bot " + id,
        false);
  }

  @Test
  void givenLocalAndWebhookKeyedApplications_listing_countsTheBotsOfEach() {
    ClientApplication local =
        new ClientApplication(
            ApplicationKey.of("shop"), SecretHash.of("0123456789abcdef0123"), null, "apptoken");

    ApplicationsPage page =
        ApplicationsPage.of(
            Layout.of("Applications", Section.APPLICATIONS, "t", null),
            List.of(local),
            List.of(bot(2, "shop"), bot(3, "customcrm"), bot(4, "customcrm")),
            List.of(),
            List.of(Person.named(UserId.of(1), "Admin", null)));

    assertThat(page.applications())
        .containsExactly(
            new ApplicationsPage.ApplicationRow("customcrm", false, 2, "", "Installed"),
            new ApplicationsPage.ApplicationRow("shop", true, 1, "never", "Installed"));
    assertThat(page.applications().get(0).kind()).isEqualTo("Webhook-keyed");
    assertThat(page.people()).extracting(ApplicationsPage.PersonRow::name).containsExactly("Admin");
  }

  @Test
  void givenAnApplicationWithBots_confirmingItsDeletion_namesTheBotsThatGo() {
    DeleteApplicationPage page =
        DeleteApplicationPage.of(
            Layout.of("Delete", Section.APPLICATIONS, "t", null),
            "customcrm",
            List.of(bot(2, "shop"), bot(3, "customcrm"), bot(4, "customcrm")));

    assertThat(page.bots()).containsExactly("Bot 3 (b3)", "Bot 4 (b4)");
    assertThat(page.consequence()).startsWith("Its 2 bots are deleted with it");
  }

  @Test
  void givenTheMenu_onTheBotsPage_marksBotsAndListsEveryPageAsAvailable() {
    assertThat(Section.menu(Section.BOTS))
        .containsExactly(
            new NavItem("Bots", "/console/bots", true, true),
            new NavItem("Applications", "/console/applications", false, true),
            new NavItem("Deliveries", "/console/deliveries", false, true),
            new NavItem("Chat", "/console/chat", false, true));
  }

  private static ClientApplication withHandler(InstallState state) {
    return new ClientApplication(
        ApplicationKey.of("local.0123456789abcd.12345678"),
        SecretHash.of("access"),
        null,
        "0123456789abcdef0123456789abcdef",
        SecretHash.of("secret"),
        "https://bot.example.com/index.php",
        null,
        "Echo",
        state,
        UserId.of(1));
  }

  @Test
  void givenApplicationWaitingForInstall_listing_saysSo() {
    ApplicationsPage page =
        ApplicationsPage.of(
            Layout.of("Applications", Section.APPLICATIONS, "t", null),
            List.of(withHandler(InstallState.WAITING_FOR_INSTALL)),
            List.of(),
            List.of(),
            List.of());

    assertThat(page.applications())
        .singleElement()
        .extracting(ApplicationsPage.ApplicationRow::install)
        .isEqualTo("Waiting for install");
  }

  @Test
  void givenNewApplication_created_showsItsClientSecretOnceBesideItsTokens() {
    Flash flash =
        ApplicationsPage.created(
            withHandler(InstallState.WAITING_FOR_INSTALL), "the-client-secret", "the-access-token");

    assertThat(flash.secrets())
        .extracting(Flash.Secret::value)
        .containsExactly(
            "local.0123456789abcd.12345678",
            "the-access-token",
            "the-client-secret",
            "0123456789abcdef0123456789abcdef");
    assertThat(flash.secrets().get(2).label()).startsWith("Client secret");
    assertThat(flash.text()).contains("waiting for install");
    assertThat(ApplicationsPage.created(withHandler(InstallState.INSTALLED), "s", "a").text())
        .doesNotContain("waiting for install");
  }
}
