package dev.imbot.adapter.inmemory;

import dev.imbot.application.port.out.portal.PortalSettings;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** In-memory adapter of {@link PortalSettings}: kept as long as the object. */
public final class InMemoryPortalSettings implements PortalSettings {
  private final ConcurrentHashMap<String, String> values = new ConcurrentHashMap<>();

  @Override
  public String getOrCreate(String name, Supplier<String> fresh) {
    return values.computeIfAbsent(name, ignored -> fresh.get());
  }
}
