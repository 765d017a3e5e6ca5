package dev.imbot.application.port.in.chat;

/**
 * A user as the messenger shows them: a person or a bot.
 *
 * @param id the user id
 * @param firstName the first name
 * @param lastName the last name, empty when none
 * @param workPosition the job title, empty when none
 * @param gender {@code M} or {@code F}, empty when unknown
 * @param bot whether the user is a bot
 */
public record ChatUser(
    long id, String firstName, String lastName, String workPosition, String gender, boolean bot) {

  /** The full name, as Bitrix24's {@code NAME} of an event's user. */
  public String fullName() {
    return lastName.isEmpty() ? firstName : (firstName + " " + lastName).trim();
  }
}
