package dev.imbot.adapter.console.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imbot.domain.bot.BotCode;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.bot.BotSummary;
import dev.imbot.domain.bot.BotType;
import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.portal.ClientApplication;
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
            new ApplicationsPage.ApplicationRow("customcrm", false, 2, ""),
            new ApplicationsPage.ApplicationRow("shop", true, 1, "never"));
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
}
