package dev.imbot.domain.bot;

import static dev.imbot.domain.rejection.TestRejections.rejectionOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.rejection.InvalidField;
import dev.imbot.domain.rejection.RequestRejectionReason;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BotTest {

  private static final BotId ID = BotId.of(39);
  private static final ApplicationKey APP = TestBots.APPLICATION;
  private static final Instant NOW = Instant.parse("2026-03-11T10:15:30Z");

  private static Bot registeredSeedBot() {
    return Bot.register(ID, APP, TestBots.seedRegistration(), NOW);
  }

  @Test
  void givenRegistration_register_copiesEveryValue() {
    BotRegistration registration = TestBots.seedRegistration();

    Bot bot = Bot.register(ID, APP, registration, NOW);

    assertThat(bot.id()).isEqualTo(ID);
    assertThat(bot.application()).isEqualTo(APP);
    assertThat(bot.code()).isEqualTo(registration.code());
    assertThat(bot.type()).isEqualTo(registration.type());
    assertThat(bot.openLines()).isEqualTo(registration.openLines()).isTrue();
    assertThat(bot.profile()).isEqualTo(registration.profile());
    assertThat(bot.registeredAt()).isEqualTo(NOW);
  }

  @Test
  void givenStoredValues_reconstitute_rebuildsTheBotAsStored() {
    BotProfile profile = BotProfile.named("Stored");

    Bot bot =
        Bot.reconstitute(
            ID,
            APP,
            BotCode.of("stored"),
            BotType.SUPERVISOR,
            false,
            profile,
            TestBots.REGISTERED_AT);

    assertThat(bot.id()).isEqualTo(ID);
    assertThat(bot.application()).isEqualTo(APP);
    assertThat(bot.code()).isEqualTo(BotCode.of("stored"));
    assertThat(bot.type()).isEqualTo(BotType.SUPERVISOR);
    assertThat(bot.openLines()).isFalse();
    assertThat(bot.profile()).isEqualTo(profile);
    assertThat(bot.registeredAt()).isEqualTo(TestBots.REGISTERED_AT);
  }

  @Test
  void givenTheSameStoredValues_reconstitute_buildsEqualBots() {
    assertThat(TestBots.bot(39, "app", "newbot"))
        .isEqualTo(TestBots.bot(39, "app", "newbot"))
        .hasSameHashCodeAs(TestBots.bot(39, "app", "newbot"));
    assertThat(TestBots.bot(39, "app", "newbot")).isNotEqualTo(TestBots.bot(39, "app", "other"));
  }

  @Test
  void givenRegisteredBot_registerAndReconstitute_agree() {
    Bot registered = registeredSeedBot();

    Bot stored =
        Bot.reconstitute(
            registered.id(),
            registered.application(),
            registered.code(),
            registered.type(),
            registered.openLines(),
            registered.profile(),
            registered.registeredAt());

    assertThat(stored).isEqualTo(registered);
  }

  @ParameterizedTest
  @EnumSource(BotType.class)
  void givenOpenLinesTypeWithoutOpenLines_reconstitute_refusesOthersAccept(BotType type) {
    if (type == BotType.OPEN_LINES) {
      assertThatIllegalArgumentException()
          .isThrownBy(
              () ->
                  Bot.reconstitute(
                      ID, APP, BotCode.of("ol"), type, false, BotProfile.named("OL"), NOW));
    } else {
      assertThat(
              Bot.reconstitute(ID, APP, BotCode.of("b"), type, false, BotProfile.named("B"), NOW)
                  .openLines())
          .isFalse();
    }
  }

  @Test
  void givenMissingParts_reconstitute_refuses() {
    BotProfile profile = BotProfile.named("B");
    BotCode code = BotCode.of("b");

    assertThatNullPointerException()
        .isThrownBy(() -> Bot.reconstitute(null, APP, code, BotType.BOT, false, profile, NOW));
    assertThatNullPointerException()
        .isThrownBy(() -> Bot.reconstitute(ID, null, code, BotType.BOT, false, profile, NOW));
    assertThatNullPointerException()
        .isThrownBy(() -> Bot.reconstitute(ID, APP, null, BotType.BOT, false, profile, NOW));
    assertThatNullPointerException()
        .isThrownBy(() -> Bot.reconstitute(ID, APP, code, null, false, profile, NOW));
    assertThatNullPointerException()
        .isThrownBy(() -> Bot.reconstitute(ID, APP, code, BotType.BOT, false, null, NOW));
    assertThatNullPointerException()
        .isThrownBy(() -> Bot.reconstitute(ID, APP, code, BotType.BOT, false, profile, null));
  }

  // --- update ---

  @Test
  void givenNewCodeAndProfileFields_update_appliesThemAndKeepsEverythingElse() {
    Bot before =
        Bot.reconstitute(
            ID,
            APP,
            BotCode.of("oldcode"),
            BotType.OPEN_LINES,
            true,
            new BotProfile("Old", "Botov", Color.RED, null, null, null, null, null, null),
            TestBots.REGISTERED_AT);
    BotUpdate update =
        BotUpdate.validate(
            "newcode",
            TestBots.SEED_HANDLER,
            Map.of(),
            Map.of("NAME", "New", "COLOR", "", "WORK_POSITION", "Helper"));

    Bot after = before.update(update);

    assertThat(after.id()).isEqualTo(ID);
    assertThat(after.application()).isEqualTo(APP);
    assertThat(after.type()).isEqualTo(BotType.OPEN_LINES);
    assertThat(after.openLines()).isTrue();
    assertThat(after.registeredAt()).isEqualTo(TestBots.REGISTERED_AT);
    assertThat(after.code()).isEqualTo(BotCode.of("newcode"));
    assertThat(after.profile())
        .isEqualTo(new BotProfile("New", "Botov", null, null, null, "Helper", null, null, null));
  }

  @Test
  void givenNoCode_update_keepsTheCode() {
    Bot before = TestBots.bot(39, "app", "keep");

    Bot after = before.update(BotUpdate.validate(null, null, Map.of(), Map.of("COLOR", "RED")));

    assertThat(after.code()).isEqualTo(BotCode.of("keep"));
    assertThat(after.profile().color()).isEqualTo(Color.RED);
  }

  @Test
  void givenHandlersOnly_update_leavesTheBotEqual() {
    Bot before = registeredSeedBot();

    Bot after = before.update(BotUpdate.validate(null, TestBots.SEED_HANDLER, Map.of(), null));

    assertThat(after).isEqualTo(before);
  }

  @Test
  void givenInvalidProfileValue_update_rejectsNamingTheUpdateField() {
    Bot before = registeredSeedBot();
    BotUpdate update = BotUpdate.validate(null, null, Map.of(), Map.of("COLOR", "BLUE"));

    InvalidField rejection = rejectionOf(() -> before.update(update));

    assertThat(rejection.reason()).isEqualTo(RequestRejectionReason.FIELD_INVALID);
    assertThat(rejection.field()).isEqualTo("PROPERTIES[COLOR]");
    assertThat(rejection.error().description())
        .startsWith("PROPERTIES[COLOR] must be one of RED, GREEN,");
  }

  @Test
  void givenBlankLastNameForBotWithOnlyALastName_update_keepsTheLastName() {
    Bot before =
        TestBots.bot(
            39,
            "app",
            "b",
            new BotProfile(null, "Botov", null, null, null, null, null, null, null));

    Bot after = before.update(BotUpdate.validate(null, null, Map.of(), Map.of("LAST_NAME", "")));

    assertThat(after.profile().lastName()).isEqualTo("Botov");
  }

  // --- ownership ---

  @Test
  void givenItsOwnApplication_belongsTo_isTrue() {
    assertThat(TestBots.bot(39, "app.one", "b").belongsTo(ApplicationKey.of("app.one"))).isTrue();
  }

  @Test
  void givenAnotherApplication_belongsTo_isFalse() {
    Bot bot = TestBots.bot(39, "app.one", "b");

    assertThat(bot.belongsTo(ApplicationKey.of("app.two"))).isFalse();
    assertThat(bot.belongsTo(ApplicationKey.of("APP.ONE"))).isFalse();
  }

  @Test
  void givenBot_toString_namesIdApplicationCodeAndType() {
    assertThat(TestBots.bot(39, "app", "newbot")).hasToString("Bot[39, app, newbot, B]");
  }
}
