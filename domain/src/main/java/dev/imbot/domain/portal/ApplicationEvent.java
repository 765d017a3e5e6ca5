package dev.imbot.domain.portal;

import java.util.Locale;
import java.util.Optional;

/** The application events this service emits, which {@code event.bind} accepts. */
public enum ApplicationEvent {
  ONAPPINSTALL,
  ONAPPUNINSTALL,
  ONAPPUPDATE;

  /** The event a client names, in any case; empty for one the service never emits. */
  public static Optional<ApplicationEvent> parse(String name) {
    if (name == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(valueOf(name.strip().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
