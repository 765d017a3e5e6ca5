package dev.imbot.domain.event;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The five bot events an application can bind a handler to, declared in the order registration
 * checks their handlers (steps 2–6 of imbot.register's checks).
 */
public enum BotEvent {
  MESSAGE_ADD("ONIMBOTMESSAGEADD", "Message add", true),
  MESSAGE_UPDATE("ONIMBOTMESSAGEUPDATE", "Message update", false),
  MESSAGE_DELETE("ONIMBOTMESSAGEDELETE", "Message delete", false),
  WELCOME_MESSAGE("ONIMBOTJOINCHAT", "Welcome message", true),
  BOT_DELETE("ONIMBOTDELETE", "Bot delete", true);

  private final String eventName;
  private final String title;
  private final boolean requiredAtRegistration;

  BotEvent(String eventName, String title, boolean requiredAtRegistration) {
    this.eventName = eventName;
    this.title = title;
    this.requiredAtRegistration = requiredAtRegistration;
  }

  /** The event's wire name as sent to handlers, e.g. {@code ONIMBOTJOINCHAT}. */
  public String eventName() {
    return eventName;
  }

  /** The parameter that names this event's handler, e.g. {@code EVENT_WELCOME_MESSAGE}. */
  public String parameterName() {
    return "EVENT_" + name();
  }

  /** The human title Bitrix24 uses in its error texts, e.g. {@code Welcome message}. */
  public String title() {
    return title;
  }

  /**
   * Whether {@code imbot.register} needs a handler for it (unless {@code EVENT_HANDLER} is given).
   */
  public boolean requiredAtRegistration() {
    return requiredAtRegistration;
  }

  /**
   * Whether registration binds this event's handler: the required events always, the message
   * update/delete events only for a bot that hears edits (the bot context decides which do).
   */
  public boolean boundAtRegistration(boolean botHearsEdits) {
    return requiredAtRegistration || botHearsEdits;
  }

  /** Looks an event up by its parameter name ({@code EVENT_MESSAGE_ADD}), case-insensitively. */
  public static java.util.Optional<BotEvent> fromParameterName(String parameter) {
    if (parameter == null) {
      return java.util.Optional.empty();
    }
    String upper = parameter.toUpperCase(Locale.ROOT);
    return Arrays.stream(values()).filter(e -> e.parameterName().equals(upper)).findFirst();
  }

  /** The events in check order. */
  public static List<BotEvent> inCheckOrder() {
    return List.of(values());
  }
}
