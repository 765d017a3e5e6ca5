package dev.imbot.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imbot.application.port.in.bot.ListBotsQuery;
import dev.imbot.application.port.in.bot.UnregisterBotCommand;
import dev.imbot.domain.bot.BotCode;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.bot.BotListing;
import dev.imbot.domain.bot.BotSummary;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Contract of {@code imbot.bot.list} over any adapter's ports. */
public abstract class ListBotsUseCaseContract extends PortalContract {

  private List<BotSummary> listBots() {
    return portal.listUseCase().listBots(new ListBotsQuery());
  }

  @Test
  void givenEmptyPortal_listBots_returnsEmptyList() {
    assertThat(listBots()).isEmpty();
  }

  @Test
  void givenBotsOfSeveralApplications_listBots_listsAllOrderedById() {
    BotId a1 = registerMinimal(APP, "a1");
    BotId b1 = registerMinimal(OTHER_APP, "b1");
    BotId a2 = registerMinimal(APP, "a2");
    BotId b2 = registerMinimal(OTHER_APP, "a1");

    List<BotSummary> bots = listBots();

    assertThat(bots).extracting(BotSummary::id).containsExactlyInAnyOrder(a1, b1, a2, b2);
    assertThat(bots).extracting(BotSummary::id).isSorted();
    assertThat(bots).extracting(BotSummary::application).containsOnly(APP, OTHER_APP);
    assertThat(bots)
        .filteredOn(bot -> bot.id().equals(b2))
        .extracting(BotSummary::code)
        .containsExactly(BotCode.of("a1"));
  }

  @Test
  void givenDeletedBot_listBots_omitsIt() {
    BotId kept = registerMinimal(APP, "kept");
    BotId deleted = registerMinimal(APP, "deleted");
    portal.unregisterUseCase(CLOCK).unregister(new UnregisterBotCommand(APP, deleted));

    assertThat(listBots()).extracting(BotSummary::id).containsExactly(kept);
  }

  @Test
  void givenRegisteredBots_listBots_returnsThemAsStored() {
    BotId id = register(TestCommands.seed(APP)).botId();

    assertThat(listBots()).containsExactly(storedBot(id).summary());
    assertThat(listBots().get(0).fullName()).isEqualTo("NewBot");
    assertThat(listBots().get(0).openLines()).isTrue();
  }

  @Test
  void givenBotsOfSeveralApplications_listBotListings_showsWhatListBotsHoldsInTheSameOrder() {
    registerMinimal(APP, "a1");
    registerMinimal(OTHER_APP, "b1");
    BotId seeded = register(TestCommands.seed(APP)).botId();

    List<BotListing> listings = portal.listUseCase().listBotListings(new ListBotsQuery());

    assertThat(listings)
        .containsExactlyElementsOf(listBots().stream().map(BotListing::of).toList())
        .hasSize(3);
    assertThat(listings.get(2))
        .isEqualTo(new BotListing(seeded, storedBot(seeded).code(), "NewBot", true));
  }
}
