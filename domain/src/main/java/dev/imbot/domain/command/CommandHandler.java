package dev.imbot.domain.command;

import dev.imbot.domain.common.Text;
import dev.imbot.domain.event.HandlerRejectionReason;
import dev.imbot.domain.event.HandlerUrl;
import dev.imbot.domain.portal.ApplicationKey;
import java.util.Optional;

/**
 * The handler of {@code ONIMCOMMANDADD} an application binds with {@code EVENT_COMMAND_ADD}: one
 * per application, the last one bound wins. A webhook-keyed application's URL gets its {@code
 * CLIENT_ID} appended ({@code ?CLIENT_ID=} or {@code &CLIENT_ID=}, URL-encoded), as Bitrix24
 * appends it, so the handler learns which application an event is for; the result must pass the
 * handler URL rule.
 */
public final class CommandHandler {
  /** The event the handler receives. */
  public static final String EVENT = "ONIMCOMMANDADD";

  private CommandHandler() {}

  /**
   * {@code EVENT_COMMAND_ADD} of {@code imbot.command.register}: required; missing or blank is
   * {@code EVENT_COMMAND_ADD_ERROR} "Handler for "Command add" event isn't specified".
   */
  public static HandlerUrl forRegistration(String raw, ApplicationKey application) {
    return forUpdate(raw, application)
        .orElseThrow(() -> CommandRejection.refuse(CommandRejectionReason.HANDLER_NOT_SPECIFIED));
  }

  /** {@code FIELDS[EVENT_COMMAND_ADD]} of {@code imbot.command.update}: empty when not given. */
  public static Optional<HandlerUrl> forUpdate(String raw, ApplicationKey application) {
    String trimmed = Text.trimToNull(raw);
    if (trimmed == null) {
      return Optional.empty();
    }
    String url = HandlerUrl.withClientIdOf(trimmed, application);
    Optional<HandlerRejectionReason> defect = HandlerUrl.defectOf(url);
    if (defect.isPresent()) {
      throw CommandRejection.ofHandler(defect.get()).toException();
    }
    return Optional.of(HandlerUrl.of(url));
  }
}
