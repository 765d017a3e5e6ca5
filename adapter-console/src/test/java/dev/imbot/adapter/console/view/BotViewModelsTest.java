package dev.imbot.adapter.console.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imbot.adapter.inmemory.InMemoryPortal;
import dev.imbot.application.port.in.bot.RegisterBotCommand;
import dev.imbot.application.port.in.bot.ShowBotQuery;
import dev.imbot.application.port.in.bot.ShowBotUseCase.BotDetails;
import dev.imbot.application.service.bot.RegisterBotService;
import dev.imbot.application.service.bot.ShowBotService;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.bot.BotLimitPolicy;
import dev.imbot.domain.bot.BotType;
import dev.imbot.domain.bot.Color;
import dev.imbot.domain.portal.ApplicationKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The bot cards and the bot page, built from bots registered through the real use cases. */
class BotViewModelsTest {
  private static final Instant NOW = Instant.parse("2026-12-04T10:15:30Z");
  private final InMemoryPortal ports = new InMemoryPortal();
  private final ApplicationKey app = ApplicationKey.fromClientId("shop");

  private BotDetails register(String code, String type, Map<String, String> properties) {
    BotId id =
        new RegisterBotService(
                ports.bots(),
                ports.handlers(),
                ports.users(),
                ports.unitOfWork(),
                Clock.fixed(NOW, ZoneOffset.UTC),
                BotLimitPolicy.defaultLimit())
            .register(
                new RegisterBotCommand(
                    app, code, type, null, "https://bot.example.com/handler", Map.of(), properties))
            .botId();
    return new ShowBotService(ports.bots(), ports.handlers())
        .show(new ShowBotQuery(id))
        .orElseThrow();
  }

  @Test
  void givenABotWithoutAvatar_makingItsCard_showsItsInitialsOnItsColourAndItsTypeInWords() {
    BotDetails bot =
        register("helper", "S", Map.of("NAME", "Help", "LAST_NAME", "Desk", "COLOR", "LIGHT_BLUE"));

    BotCard card = BotCard.of(bot.bot());

    assertThat(card.fullName()).isEqualTo("Help Desk");
    assertThat(card.initials()).isEqualTo("HD");
    assertThat(card.hasAvatar()).isFalse();
    assertThat(card.colorHex()).isEqualTo("#4ba5c3");
    assertThat(card.colorClass()).isEqualTo("color-light-blue");
    assertThat(card.typeWord()).isEqualTo("Supervisor");
    assertThat(card.application()).isEqualTo("customshop");
    assertThat(card.registeredAt()).isEqualTo("2026-12-04 10:15 UTC");
    assertThat(card.href()).isEqualTo("/console/bots/" + bot.bot().id().value());
  }

  @Test
  void givenABotWithAnAvatar_makingItsPage_pointsAtTheAvatarAndListsHandlersAndProfile() {
    BotDetails bot =
        register(
            "pic",
            "B",
            Map.of(
                "NAME",
                "Pic",
                "PERSONAL_PHOTO",
                dev.imbot.application.contract.TestCommands.SEED_PHOTO));

    BotPage page = BotPage.of(Layout.of("Pic", Section.BOTS, "csrf", null), bot);

    assertThat(page.card().hasAvatar()).isTrue();
    assertThat(page.card().avatarHref()).endsWith("/avatar");
    assertThat(page.profile()).contains(new BotPage.Line("Avatar", "PNG, 64\u00d764"));
    assertThat(page.profile()).contains(new BotPage.Line("Colour", "No colour"));
    assertThat(page.handlers())
        .contains(
            new BotPage.Line(
                "ONIMBOTMESSAGEADD", "https://bot.example.com/handler?CLIENT_ID=shop"));
  }

  @Test
  void givenEveryType_namingIt_givesAWordNotALetter() {
    for (BotType type : BotType.values()) {
      assertThat(BotTypes.word(type)).hasSizeGreaterThan(3).isNotEqualTo(type.letter());
      assertThat(BotTypes.explanation(type)).isNotBlank();
    }
  }

  @Test
  void givenEveryBitrixColour_paintingIt_givesADistinctCssColour() {
    assertThat(java.util.Arrays.stream(Color.values()).map(BotColors::hex).distinct())
        .hasSize(16)
        .allMatch(hex -> hex.matches("#[0-9a-f]{6}"));
    assertThat(BotColors.hex(null)).isEqualTo(BotColors.hex(Color.GRAPHITE));
  }

  @Test
  void givenNames_takingInitials_takesTheFirstLetterOfTwoWords() {
    assertThat(Initials.of("New Bot")).isEqualTo("NB");
    assertThat(Initials.of("echo")).isEqualTo("E");
    assertThat(Initials.of("  ёжик  бот  три ")).isEqualTo("ЁБ");
    assertThat(Initials.of("(( ))")).isEqualTo("?");
    assertThat(Initials.of("\uD835\uDC00lpha beta")).isEqualTo("\uD835\uDC00B");
  }

  @Test
  void givenNoSuchBot_showingIt_isEmpty() {
    Optional<BotDetails> none =
        new ShowBotService(ports.bots(), ports.handlers()).show(new ShowBotQuery(BotId.of(4242)));

    assertThat(none).isEmpty();
  }
}
