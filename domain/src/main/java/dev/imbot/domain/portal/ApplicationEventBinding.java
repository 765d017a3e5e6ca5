package dev.imbot.domain.portal;

import java.util.Objects;

/**
 * A handler an application bound to one of its application events ({@code event.bind}); its id is
 * sent as {@code event_handler_id}.
 *
 * @param id the binding's id, positive
 * @param application whose event it is
 * @param event the event
 * @param handler the handler URL
 * @param authType the user whose {@code auth} the event carries, 0 for the acting user
 */
public record ApplicationEventBinding(
    long id, ApplicationKey application, ApplicationEvent event, String handler, long authType) {

  public ApplicationEventBinding {
    Objects.requireNonNull(application, "application");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(handler, "handler");
    if (authType < 0) {
      throw new IllegalArgumentException("auth_type is a user id or 0");
    }
  }
}
