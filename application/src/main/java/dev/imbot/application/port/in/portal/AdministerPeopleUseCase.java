package dev.imbot.application.port.in.portal;

import dev.imbot.application.port.in.Commands;
import dev.imbot.domain.portal.Person;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Use case (operator): the portal's people, whose e-mails bots may not take. */
public interface AdministerPeopleUseCase {

  /**
   * @throws AdministrationException {@code INVALID} for a bad e-mail, {@code CONFLICT} when a
   *     person or a bot has it
   */
  Person add(AddPersonCommand command);

  List<Person> list();

  /**
   * @throws AdministrationException {@code NOT_FOUND}
   */
  void remove(long personId);

  /**
   * Command: add a person.
   *
   * @param name display name
   * @param email address, or null
   */
  record AddPersonCommand(@NotBlank @Size(max = 100) String name, @Size(max = 255) String email) {
    public AddPersonCommand {
      Commands.requireValid(AddPersonCommand.class, name, email);
    }
  }
}
