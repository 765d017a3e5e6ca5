package dev.imbot.application.port.in.portal;

import dev.imbot.application.port.in.Commands;
import dev.imbot.domain.portal.Person;
import dev.imbot.domain.portal.UserId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;

/** Use case (operator): the portal's people, whose e-mails bots may not take. */
public interface AdministerPeopleUseCase {

  /**
   * @throws AdministrationException {@code INVALID} for a bad e-mail or gender, {@code CONFLICT}
   *     when a person or a bot has the e-mail
   */
  Person add(AddPersonCommand command);

  List<Person> list();

  /** One person, or empty when the portal has no person with that id (a bot's id included). */
  Optional<Person> find(UserId id);

  /**
   * @throws AdministrationException {@code NOT_FOUND}
   */
  void remove(long personId);

  /**
   * Command: add a person.
   *
   * @param name first name ({@code NAME})
   * @param email address, or null
   * @param lastName last name ({@code LAST_NAME}), or null
   * @param workPosition job title ({@code WORK_POSITION}), or null
   * @param gender {@code M} or {@code F} ({@code GENDER}), or null
   */
  record AddPersonCommand(
      @NotBlank @Size(max = 100) String name,
      @Size(max = 255) String email,
      @Size(max = 100) String lastName,
      @Size(max = 255) String workPosition,
      String gender) {
    public AddPersonCommand {
      Commands.requireValid(AddPersonCommand.class, name, email, lastName, workPosition, gender);
    }

    /** A person with a name and maybe an address only. */
    public AddPersonCommand(String name, String email) {
      this(name, email, null, null, null);
    }
  }
}
