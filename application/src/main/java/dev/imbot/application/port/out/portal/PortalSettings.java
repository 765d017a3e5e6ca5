package dev.imbot.application.port.out.portal;

import java.util.function.Supplier;

/** Outgoing port: the portal's own settings that are made once and kept, e.g. its member id. */
public interface PortalSettings {

  /**
   * The stored value of {@code name}; when there is none, stores {@code fresh}'s value and returns
   * it. Several instances starting at once all get the same value.
   */
  String getOrCreate(String name, Supplier<String> fresh);
}
