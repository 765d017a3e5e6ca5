package dev.imbot.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.imbot.application.port.out.portal.PortalUsers;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.portal.Email;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Contract of the outgoing port {@link PortalUsers}, run against every adapter. */
public abstract class PortalUsersContract extends PortalContract {

  private PortalUsers users() {
    return portal.users();
  }

  private long allocate() {
    return inUnitOfWork(() -> users().allocateUserId()).value();
  }

  @Test
  void givenSeveralAllocations_allocateUserId_isStrictlyIncreasing() {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ids.add(allocate());
    }

    assertThat(ids).isSorted().doesNotHaveDuplicates();
    assertThat(ids).allMatch(id -> id > 0);
  }

  @Test
  void givenPersonsAddedBeforeAndAfter_allocateUserId_neverReturnsAPersonsId() {
    Set<Long> persons = new HashSet<>();
    Set<Long> bots = new HashSet<>();
    for (int i = 0; i < 5; i++) {
      persons.add(portal.addPerson(Email.of("person" + i + "@example.com")));
      bots.add(allocate());
      bots.add(allocate());
    }
    persons.add(portal.addPerson(Email.of("last@example.com")));

    assertThat(persons).hasSize(6);
    assertThat(bots).hasSize(10).doesNotContainAnyElementsOf(persons);
  }

  @Test
  void givenAllocationRolledBack_allocateUserId_keepsIncreasing() {
    long before = allocate();
    try {
      inUnitOfWork(
          () -> {
            users().allocateUserId();
            throw new IllegalStateException("roll back");
          });
    } catch (IllegalStateException expected) {
      // the unit of work that took an id was rolled back
    }

    assertThat(allocate()).isGreaterThan(before);
  }

  @Test
  void givenPerson_isEmailInUse_ignoresCase() {
    portal.addPerson(Email.of("Person@Example.com"));

    assertThat(users().isEmailInUse(Email.of("person@example.COM"), null)).isTrue();
    assertThat(users().isEmailInUse(Email.of("PERSON@EXAMPLE.COM"), null)).isTrue();
    assertThat(users().isEmailInUse(Email.of("nobody@example.com"), null)).isFalse();
  }

  @Test
  void givenBotWithEmail_isEmailInUse_countsItUnlessThatBotIsExcepted() {
    BotId id = inUnitOfWork(() -> BotId.of(users().allocateUserId()));
    BotId otherBot = inUnitOfWork(() -> BotId.of(users().allocateUserId()));
    inUnitOfWork(
        () ->
            StoredBots.lockAndSave(
                portal.bots(), StoredBots.fullBot(id, APP, "newbot", "bot@example.com")));

    assertThat(users().isEmailInUse(Email.of("BOT@example.com"), null)).isTrue();
    assertThat(users().isEmailInUse(Email.of("bot@example.com"), otherBot)).isTrue();
    assertThat(users().isEmailInUse(Email.of("bot@example.com"), id)).isFalse();
  }

  @Test
  void givenPersonWithEmail_isEmailInUseExceptABot_stillCountsThePerson() {
    long person = portal.addPerson(Email.of("person@example.com"));

    // A person's id is never a bot's, so excepting it as a bot changes nothing.
    assertThat(users().isEmailInUse(Email.of("person@example.com"), BotId.of(person))).isTrue();
  }

  @Test
  void givenFreeAddressOrNone_allocateUserIdUnlessEmailInUse_takesTheNextId() {
    portal.addPerson(Email.of("person@example.com"));
    long before = allocate();

    long free =
        inUnitOfWork(() -> users().allocateUserIdUnlessEmailInUse(Email.of("free@example.com")))
            .orElseThrow()
            .value();
    long none =
        inUnitOfWork(() -> users().allocateUserIdUnlessEmailInUse(null)).orElseThrow().value();

    assertThat(free).isEqualTo(before + 1);
    assertThat(none).isEqualTo(free + 1);
  }

  @Test
  void givenAddressOfAPersonOrBotInAnyCase_allocateUserIdUnlessEmailInUse_isEmptyAndTakesNoId() {
    portal.addPerson(Email.of("Person@Example.com"));
    BotId bot = inUnitOfWork(() -> BotId.of(users().allocateUserId()));
    inUnitOfWork(
        () ->
            StoredBots.lockAndSave(
                portal.bots(), StoredBots.fullBot(bot, APP, "newbot", "bot@example.com")));
    long before = allocate();

    assertThat(
            inUnitOfWork(
                () -> users().allocateUserIdUnlessEmailInUse(Email.of("person@example.COM"))))
        .isEmpty();
    assertThat(
            inUnitOfWork(() -> users().allocateUserIdUnlessEmailInUse(Email.of("BOT@example.com"))))
        .isEmpty();
    assertThat(allocate()).isEqualTo(before + 1);
  }
}
