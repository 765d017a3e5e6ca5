package dev.imbot.application.service.portal;

import dev.imbot.application.port.in.portal.AdministerPeopleUseCase;
import dev.imbot.application.port.in.portal.AdministrationException;
import dev.imbot.application.port.in.portal.AdministrationException.Kind;
import dev.imbot.application.port.out.UnitOfWork;
import dev.imbot.application.port.out.portal.People;
import dev.imbot.application.port.out.portal.PortalUsers;
import dev.imbot.domain.portal.Email;
import dev.imbot.domain.portal.Gender;
import dev.imbot.domain.portal.Person;
import dev.imbot.domain.portal.UserId;
import java.util.List;

/** Service: the operator's people; an e-mail is unique across people and bots. */
public final class AdministerPeopleService implements AdministerPeopleUseCase {
  private final People people;
  private final PortalUsers users;
  private final UnitOfWork unitOfWork;

  public AdministerPeopleService(People people, PortalUsers users, UnitOfWork unitOfWork) {
    this.people = people;
    this.users = users;
    this.unitOfWork = unitOfWork;
  }

  @Override
  public Person add(AddPersonCommand command) {
    Email email = null;
    if (command.email() != null && !command.email().isBlank()) {
      if (!Email.isValid(command.email().strip())) {
        throw new AdministrationException(Kind.INVALID, "email: not a valid e-mail address");
      }
      email = Email.of(command.email().strip());
    }
    Gender gender = null;
    if (command.gender() != null && !command.gender().isBlank()) {
      gender =
          Gender.fromWire(command.gender())
              .orElseThrow(
                  () -> new AdministrationException(Kind.INVALID, "gender: must be M or F"));
    }
    Email address = email;
    Gender given = gender;
    return unitOfWork.run(
        () -> {
          if (address != null && users.isEmailInUse(address, null)) {
            throw new AdministrationException(Kind.CONFLICT, "email: already in use");
          }
          Person person =
              new Person(
                  users.allocateUserId(),
                  command.name().strip(),
                  stripToNull(command.lastName()),
                  stripToNull(command.workPosition()),
                  given,
                  address);
          people.add(person);
          return person;
        });
  }

  @Override
  public List<Person> list() {
    return people.listAll();
  }

  @Override
  public void remove(long personId) {
    unitOfWork.run(
        () -> {
          if (personId <= 0 || people.find(UserId.of(personId)).isEmpty()) {
            throw new AdministrationException(Kind.NOT_FOUND, "no person " + personId);
          }
          people.delete(UserId.of(personId));
          return personId;
        });
  }

  private static String stripToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
