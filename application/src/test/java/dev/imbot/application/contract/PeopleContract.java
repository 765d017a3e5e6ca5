package dev.imbot.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imbot.application.port.out.WriteConflictException;
import dev.imbot.application.port.out.portal.People;
import dev.imbot.domain.bot.BotId;
import dev.imbot.domain.portal.Email;
import dev.imbot.domain.portal.Person;
import dev.imbot.domain.portal.UserId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Contract of the outgoing port {@link People}, run against every adapter. */
public abstract class PeopleContract extends PortalContract {

  private People people() {
    return portal.people();
  }

  /** Adds a person as the operator's use case does: an id from the users' space, then the row. */
  private Person add(String name, Email email) {
    return inUnitOfWork(() -> addInCurrentUnit(name, email));
  }

  private Person addInCurrentUnit(String name, Email email) {
    Person person = Person.named(portal.users().allocateUserId(), name, email);
    people().add(person);
    return person;
  }

  @Test
  void givenPeopleAdded_find_returnsEachWithItsIdNameAndAddress() {
    Person ann = add("Ann", Email.of("ann@example.com"));
    Person bob = add("Bob", null);

    assertThat(ann.name()).isEqualTo("Ann");
    assertThat(ann.email()).isEqualTo(Email.of("ann@example.com"));
    assertThat(people().find(ann.id())).contains(ann);
    assertThat(people().find(bob.id())).contains(bob);
    assertThat(bob.email()).isNull();
  }

  @Test
  void givenPeopleAdded_listAll_holdsThemAfterTheAdministratorInIdOrder() {
    List<Person> before = people().listAll();
    Person ann = add("Ann", null);
    Person bob = add("Bob", null);

    List<Person> all = people().listAll();
    assertThat(before).extracting(Person::id).contains(UserId.of(1));
    assertThat(all).hasSize(before.size() + 2).endsWith(ann, bob);
    assertThat(all).extracting(Person::id).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void givenBotIdsAllocated_add_takesTheNextIdOfTheSharedIdSpace() {
    BotId bot = BotId.of(inUnitOfWork(() -> portal.users().allocateUserId()));

    Person person = add("After the bot", null);

    assertThat(person.id().value()).isGreaterThan(bot.value());
    assertThat(inUnitOfWork(() -> portal.users().allocateUserId()).value())
        .isGreaterThan(person.id().value());
  }

  @Test
  void givenAnotherPersonsAddressInAnyCase_add_isAWriteConflict() {
    add("Ann", Email.of("ann@example.com"));

    assertThatThrownBy(() -> add("Copycat", Email.of("ANN@Example.com")))
        .isInstanceOf(WriteConflictException.class);
    assertThat(people().listAll()).extracting(Person::name).doesNotContain("Copycat");
  }

  @Test
  void givenABotsAddress_add_isAWriteConflict() {
    BotId id = BotId.of(inUnitOfWork(() -> portal.users().allocateUserId()));
    inUnitOfWork(
        () ->
            StoredBots.lockAndSave(
                portal.bots(), StoredBots.fullBot(id, APP, "newbot", "bot@example.com")));

    assertThatThrownBy(() -> add("Copycat", Email.of("Bot@example.com")))
        .isInstanceOf(WriteConflictException.class);
  }

  @Test
  void givenADeletedPerson_findAndIsEmailInUse_noLongerSeeThem() {
    Person ann = add("Ann", Email.of("ann@example.com"));

    people().delete(ann.id());

    assertThat(people().find(ann.id())).isEmpty();
    assertThat(people().listAll()).doesNotContain(ann);
    assertThat(portal.users().isEmailInUse(Email.of("ann@example.com"), null)).isFalse();
  }

  @Test
  void givenABot_findAndDeleteByItsId_neitherSeeNorRemoveIt() {
    BotId bot = registerMinimal(APP, "bot");

    assertThat(people().find(bot.userId())).isEmpty();
    assertThat(people().listAll()).extracting(Person::id).doesNotContain(bot.userId());
    people().delete(bot.userId());
    assertThat(portal.bots().findById(bot)).isPresent();
  }

  @Test
  void givenAnUnknownId_findAndDelete_findNothingAndChangeNothing() {
    List<Person> before = people().listAll();

    assertThat(people().find(UserId.of(999_999))).isEmpty();
    people().delete(UserId.of(999_999));
    assertThat(people().listAll()).isEqualTo(before);
  }

  @Test
  void givenAnAddRolledBack_find_doesNotSeeThePerson() {
    List<Person> before = people().listAll();
    UserId[] added = new UserId[1];
    try {
      inUnitOfWork(
          () -> {
            added[0] = addInCurrentUnit("Rolled back", Email.of("gone@example.com")).id();
            throw new IllegalStateException("roll back");
          });
    } catch (IllegalStateException expected) {
      // the unit of work that added the person was rolled back
    }

    assertThat(added[0]).isNotNull();
    assertThat(people().find(added[0])).isEmpty();
    assertThat(people().listAll()).isEqualTo(before);
    assertThat(portal.users().isEmailInUse(Email.of("gone@example.com"), null)).isFalse();
  }
}
