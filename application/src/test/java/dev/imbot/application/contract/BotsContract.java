package dev.imbot.application.contract;

import static dev.imbot.application.contract.StoredBots.fullBot;
import static dev.imbot.application.contract.StoredBots.plainBot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imbot.application.port.out.bot.Bots;
import dev.imbot.domain.bot.Avatar;
import dev.imbot.domain.bot.Bot;
import dev.imbot.domain.bot.BotCode;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.bot.BotListing;
import dev.imbot.domain.bot.BotProfile;
import dev.imbot.domain.bot.BotSummary;
import dev.imbot.domain.bot.BotType;
import dev.imbot.domain.bot.TestImages;
import dev.imbot.domain.portal.Email;
import org.junit.jupiter.api.Test;

/** Contract of the outgoing port {@link Bots}, run against every adapter. */
public abstract class BotsContract extends PortalContract {

  private Bots bots() {
    return portal.bots();
  }

  /** An id from the users' id space, as the use cases take it. */
  private BotId newId() {
    return inUnitOfWork(() -> BotId.of(portal.users().allocateUserId()));
  }

  private void save(Bot bot) {
    inUnitOfWork(() -> StoredBots.lockAndSave(bots(), bot));
  }

  @Test
  void givenFullBot_saveAndFindById_returnsEqualBot() {
    Bot bot = fullBot(newId(), APP, "newbot", "test@test.ru");

    save(bot);

    Bot found = bots().findById(bot.id()).orElseThrow();
    assertThat(found).isEqualTo(bot);
    assertThat(found.profile()).isEqualTo(bot.profile());
    assertThat(found.profile().avatar().bytes()).isEqualTo(bot.profile().avatar().bytes());
    assertThat(found.registeredAt()).isEqualTo(StoredBots.REGISTERED_AT);
  }

  @Test
  void givenNewId_add_storesTheBotAsSaveDoes() {
    Bot bot = fullBot(newId(), APP, "newbot", "test@test.ru");

    inUnitOfWork(
        () -> {
          bots().lockApplication(APP);
          bots().add(bot);
          return null;
        });

    Bot found = bots().findById(bot.id()).orElseThrow();
    assertThat(found).isEqualTo(bot);
    assertThat(found.profile()).isEqualTo(bot.profile());
    assertThat(found.profile().avatar().bytes()).isEqualTo(bot.profile().avatar().bytes());
    assertThat(bots().listAll()).extracting(BotSummary::id).containsExactly(bot.id());
    assertThat(portal.users().isEmailInUse(Email.of("TEST@test.ru"), null)).isTrue();
  }

  @Test
  void givenBotWithOnlyLastName_saveAndFindById_keepsAbsentFieldsAbsent() {
    BotProfile lastNameOnly =
        new BotProfile(null, "Smith", null, null, null, null, null, null, null);
    Bot bot =
        Bot.reconstitute(
            newId(),
            APP,
            BotCode.of("plain"),
            BotType.HUMAN,
            false,
            lastNameOnly,
            StoredBots.REGISTERED_AT);

    save(bot);

    assertThat(bots().findById(bot.id())).contains(bot);
  }

  @Test
  void givenUnknownId_findById_returnsEmpty() {
    save(plainBot(newId(), APP, "newbot"));

    assertThat(bots().findById(newId())).isEmpty();
  }

  @Test
  void givenSavedBot_saveWithSameId_replacesIt() {
    BotId id = newId();
    save(plainBot(id, APP, "newbot"));
    Bot changed =
        Bot.reconstitute(
            id,
            APP,
            BotCode.of("renamed"),
            BotType.BOT,
            false,
            StoredBots.fullProfile("changed@test.ru"),
            StoredBots.REGISTERED_AT);

    save(changed);

    assertThat(bots().findById(id)).contains(changed);
    assertThat(bots().listAll()).containsExactly(changed.summary());
  }

  @Test
  void givenSavedBotWithAvatar_saveWithOtherAvatar_replacesAvatar() {
    BotId id = newId();
    save(fullBot(id, APP, "newbot", "test@test.ru"));
    Avatar gif = Avatar.fromBase64(TestImages.gifBase64(3, 2));
    BotProfile before = bots().findById(id).orElseThrow().profile();
    BotProfile withGif =
        new BotProfile(
            before.name(),
            before.lastName(),
            before.color(),
            before.email(),
            before.birthday(),
            before.workPosition(),
            before.personalWww(),
            before.gender(),
            gif);

    save(
        Bot.reconstitute(
            id,
            APP,
            BotCode.of("newbot"),
            BotType.SUPERVISOR,
            true,
            withGif,
            StoredBots.REGISTERED_AT));

    assertThat(bots().findById(id).orElseThrow().profile().avatar()).isEqualTo(gif);
  }

  @Test
  void givenSavedBot_delete_removesIt() {
    Bot kept = plainBot(newId(), APP, "kept");
    Bot deleted = fullBot(newId(), APP, "deleted", "test@test.ru");
    save(kept);
    save(deleted);

    inUnitOfWork(() -> bots().delete(deleted.id()));

    assertThat(bots().findById(deleted.id())).isEmpty();
    assertThat(bots().listAll()).containsExactly(kept.summary());
    assertThat(portal.users().isEmailInUse(Email.of("test@test.ru"), null)).isFalse();
  }

  @Test
  void givenUnknownId_delete_doesNothing() {
    Bot kept = plainBot(newId(), APP, "kept");
    save(kept);

    inUnitOfWork(() -> bots().delete(newId()));

    assertThat(bots().listAll()).containsExactly(kept.summary());
  }

  @Test
  void givenBotWithBothNames_listAll_summarisesItAsTheListShowsIt() {
    BotId id = newId();
    save(fullBot(id, APP, "newbot", "test@test.ru"));

    BotSummary summary = bots().listAll().get(0);

    assertThat(summary).isEqualTo(bots().findById(id).orElseThrow().summary());
    assertThat(summary.fullName()).isEqualTo(StoredBots.fullProfile("x@test.ru").fullName());
    assertThat(summary.code()).isEqualTo(BotCode.of("newbot"));
    assertThat(summary.application()).isEqualTo(APP);
  }

  @Test
  void givenBotsOfTwoApplications_listAllListings_isWhatListAllShowsInIdOrder() {
    BotId first = newId();
    BotId second = newId();
    save(fullBot(second, APP, "second", "second@test.ru"));
    save(fullBot(first, OTHER_APP, "first", "first@test.ru"));

    assertThat(bots().listAllListings())
        .containsExactlyElementsOf(bots().listAll().stream().map(BotListing::of).toList())
        .extracting(BotListing::id)
        .containsExactly(first, second);
    assertThat(bots().listAllListings().get(0).fullName())
        .isEqualTo(StoredBots.fullProfile("x@test.ru").fullName());
  }

  @Test
  void givenBotsOfEveryType_listAllAndLockApplication_summariesCarryTheType() {
    for (BotType type : BotType.values()) {
      save(
          Bot.reconstitute(
              newId(),
              APP,
              BotCode.of("t-" + type.letter()),
              type,
              type == BotType.OPEN_LINES,
              BotProfile.named("Typed"),
              NOW));
    }

    assertThat(bots().listAll()).extracting(BotSummary::type).containsExactly(BotType.values());
    assertThat(inUnitOfWork(() -> bots().lockApplication(APP)))
        .extracting(BotSummary::type)
        .containsExactly(BotType.values());
  }

  @Test
  void givenEmptyPortal_listAll_returnsEmptyList() {
    assertThat(bots().listAll()).isEmpty();
  }

  @Test
  void givenBotsOfSeveralApplicationsSavedOutOfOrder_listAll_returnsAllOrderedById() {
    BotId first = newId();
    BotId second = newId();
    BotId third = newId();
    Bot a = plainBot(third, APP, "a");
    Bot b = plainBot(first, OTHER_APP, "b");
    Bot c = plainBot(second, APP, "c");
    save(a);
    save(b);
    save(c);

    assertThat(bots().listAll()).containsExactly(b.summary(), c.summary(), a.summary());
  }

  @Test
  void givenBotsOfSeveralApplications_lockApplication_returnsOnlyThatApplicationsBotsOrderedById() {
    BotId first = newId();
    BotId second = newId();
    BotId third = newId();
    BotId fourth = newId();
    save(plainBot(fourth, APP, "d"));
    save(plainBot(second, OTHER_APP, "b"));
    save(plainBot(first, APP, "a"));
    save(plainBot(third, APP, "c"));

    assertThat(inUnitOfWork(() -> bots().lockApplication(APP)))
        .extracting(BotSummary::id)
        .containsExactly(first, third, fourth);
    assertThat(inUnitOfWork(() -> bots().lockApplication(OTHER_APP)))
        .extracting(BotSummary::id)
        .containsExactly(second);
  }

  @Test
  void givenApplicationWithoutBots_lockApplication_returnsEmptyList() {
    save(plainBot(newId(), OTHER_APP, "theirs"));

    assertThat(inUnitOfWork(() -> bots().lockApplication(APP))).isEmpty();
  }

  @Test
  void givenNoUnitOfWork_lockApplication_throwsIllegalStateException() {
    save(plainBot(newId(), APP, "newbot"));

    assertThatThrownBy(() -> bots().lockApplication(APP)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void givenBotWithEmail_usersIsEmailInUse_seesItIgnoringCase() {
    save(fullBot(newId(), APP, "newbot", "Test@Test.ru"));

    assertThat(portal.users().isEmailInUse(Email.of("test@test.RU"), null)).isTrue();
    assertThat(portal.users().isEmailInUse(Email.of("TEST@TEST.RU"), null)).isTrue();
    assertThat(portal.users().isEmailInUse(Email.of("other@test.ru"), null)).isFalse();
  }

  @Test
  void givenBotWithEmail_usersIsEmailInUseExceptThatBot_ignoresItButNotForOthers() {
    BotId owner = newId();
    BotId other = newId();
    save(fullBot(owner, APP, "owner", "test@test.ru"));
    save(plainBot(other, OTHER_APP, "other"));

    assertThat(portal.users().isEmailInUse(Email.of("TEST@test.ru"), owner)).isFalse();
    assertThat(portal.users().isEmailInUse(Email.of("TEST@test.ru"), other)).isTrue();
  }
}
