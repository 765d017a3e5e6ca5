package dev.imbot.application.service.portal;

import dev.imbot.application.port.in.portal.AdministerPeopleUseCase;
import dev.imbot.application.port.in.portal.AdministrationException;
import dev.imbot.application.port.in.portal.AdministrationException.Kind;
import dev.imbot.application.port.out.UnitOfWork;
import dev.imbot.application.port.out.portal.People;
import dev.imbot.application.port.out.portal.PortalUsers;
import dev.imbot.application.service.audit.AuditRecorder;
import dev.imbot.domain.audit.AuditAction;
import dev.imbot.domain.portal.Email;
import dev.imbot.domain.portal.Gender;
import dev.imbot.domain.portal.Person;
import dev.imbot.domain.portal.UserId;
import java.util.List;
import java.util.Optional;

/** Service: the operator's people; an e-mail is unique across people and bots. */
public final class AdministerPeopleService implements AdministerPeopleUseCase {
  private final People people;
  private final PortalUsers users;
  private final UnitOfWork unitOfWork;
  private final AuditRecorder audit;

  public AdministerPeopleService(People people, PortalUsers users, UnitOfWork unitOfWork) {
    this(people, users, unitOfWork, AuditRecorder.none());
  }

  public AdministerPeopleService(
      People people, PortalUsers users, UnitOfWork unitOfWork, AuditRecorder audit) {
    this.audit = audit;
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
          audit.record(
              AuditAction.PERSON_ADDED,
              null,
              null,
              "person " + person.id().value(),
              address == null ? "without e-mail" : "with e-mail");
          return person;
        });
  }

  @Override
  public List<Person> list() {
    return people.listAll();
  }

  @Override
  public Optional<Person> find(UserId id) {
    return people.find(id);
  }

  @Override
  public void remove(long personId) {
    unitOfWork.run(
        () -> {
          if (personId <= 0 || people.find(UserId.of(personId)).isEmpty()) {
            throw new AdministrationException(Kind.NOT_FOUND, "no person " + personId);
          }
          people.delete(UserId.of(personId));
          audit.record(AuditAction.PERSON_REMOVED, null, null, "person " + personId, null);
          return personId;
        });
  }

  private static String stripToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
