package dev.imbot.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imbot.application.port.out.WriteConflictException;
import dev.imbot.application.port.out.portal.People;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.portal.Email;
import dev.imbot.domain.portal.Person;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Contract of the outgoing port {@link People}, run against every adapter. */
public abstract class PeopleContract extends PortalContract {

  private People people() {
    return portal.people();
  }

  @Test
  void givenPeopleAdded_find_returnsEachWithItsIdNameAndAddress() {
    Person ann = people().add("Ann", Email.of("ann@example.com"));
    Person bob = people().add("Bob", null);

    assertThat(ann.name()).isEqualTo("Ann");
    assertThat(ann.email()).isEqualTo(Email.of("ann@example.com"));
    assertThat(people().find(ann.id())).contains(ann);
    assertThat(people().find(bob.id())).contains(bob);
    assertThat(bob.email()).isNull();
  }

  @Test
  void givenPeopleAdded_listAll_holdsThemAfterTheAdministratorInIdOrder() {
    List<Person> before = people().listAll();
    Person ann = people().add("Ann", null);
    Person bob = people().add("Bob", null);

    List<Person> all = people().listAll();
    assertThat(before).extracting(Person::id).contains(1L);
    assertThat(all).hasSize(before.size() + 2).endsWith(ann, bob);
    assertThat(all).extracting(Person::id).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void givenBotIdsAllocated_add_takesTheNextIdOfTheSharedIdSpace() {
    BotId bot = inUnitOfWork(() -> portal.users().allocateUserId());

    Person person = people().add("After the bot", null);

    assertThat(person.id()).isGreaterThan(bot.value());
    assertThat(inUnitOfWork(() -> portal.users().allocateUserId()).value())
        .isGreaterThan(person.id());
  }

  @Test
  void givenAnotherPersonsAddressInAnyCase_add_isAWriteConflict() {
    people().add("Ann", Email.of("ann@example.com"));

    assertThatThrownBy(() -> people().add("Copycat", Email.of("ANN@Example.com")))
        .isInstanceOf(WriteConflictException.class);
    assertThat(people().listAll()).extracting(Person::name).doesNotContain("Copycat");
  }

  @Test
  void givenABotsAddress_add_isAWriteConflict() {
    BotId id = inUnitOfWork(() -> portal.users().allocateUserId());
    inUnitOfWork(
        () ->
            StoredBots.lockAndSave(
                portal.bots(), StoredBots.fullBot(id, APP, "newbot", "bot@example.com")));

    assertThatThrownBy(() -> people().add("Copycat", Email.of("Bot@example.com")))
        .isInstanceOf(WriteConflictException.class);
  }

  @Test
  void givenADeletedPerson_findAndIsEmailInUse_noLongerSeeThem() {
    Person ann = people().add("Ann", Email.of("ann@example.com"));

    people().delete(ann.id());

    assertThat(people().find(ann.id())).isEmpty();
    assertThat(people().listAll()).doesNotContain(ann);
    assertThat(portal.users().isEmailInUse(Email.of("ann@example.com"), null)).isFalse();
  }

  @Test
  void givenABot_findAndDeleteByItsId_neitherSeeNorRemoveIt() {
    BotId bot = registerMinimal(APP, "bot");

    assertThat(people().find(bot.value())).isEmpty();
    assertThat(people().listAll()).extracting(Person::id).doesNotContain(bot.value());
    people().delete(bot.value());
    assertThat(portal.bots().findById(bot)).isPresent();
  }

  @Test
  void givenAnUnknownId_findAndDelete_findNothingAndChangeNothing() {
    List<Person> before = people().listAll();

    assertThat(people().find(999_999)).isEmpty();
    people().delete(999_999);
    assertThat(people().listAll()).isEqualTo(before);
  }

  @Test
  void givenAnAddRolledBack_find_doesNotSeeThePerson() {
    List<Person> before = people().listAll();
    long[] added = new long[1];
    try {
      inUnitOfWork(
          () -> {
            added[0] = people().add("Rolled back", Email.of("gone@example.com")).id();
            throw new IllegalStateException("roll back");
          });
    } catch (IllegalStateException expected) {
      // the unit of work that added the person was rolled back
    }

    assertThat(added[0]).isPositive();
    assertThat(people().find(added[0])).isEmpty();
    assertThat(people().listAll()).isEqualTo(before);
    assertThat(portal.users().isEmailInUse(Email.of("gone@example.com"), null)).isFalse();
  }
}
