package dev.imbot.adapter.inmemory;

import dev.imbot.application.port.out.event.ApplicationHandlers;
import dev.imbot.domain.event.BotEvent;
import dev.imbot.domain.event.HandlerBinding;
import dev.imbot.domain.event.HandlerBindings;
import dev.imbot.domain.event.HandlerUrl;
import dev.imbot.domain.portal.ApplicationKey;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * In-memory adapter of {@link ApplicationHandlers}. Binding ids come from a counter that, like a
 * database identity, never hands an id out twice; an event that stays bound keeps its id, and so
 * does the command handler.
 */
public final class InMemoryApplicationHandlers implements ApplicationHandlers, Snapshottable {
  private final AtomicLong lastId = new AtomicLong();
  private Map<ApplicationKey, HandlerBindings> bindings = new HashMap<>();
  private Map<ApplicationKey, Map<BotEvent, Long>> ids = new HashMap<>();
  private Map<ApplicationKey, HandlerBinding> commandHandlers = new HashMap<>();

  public InMemoryApplicationHandlers(InMemoryUnitOfWork unitOfWork) {
    unitOfWork.register(this);
  }

  @Override
  public synchronized HandlerBindings bindingsOf(ApplicationKey application) {
    return bindings.getOrDefault(application, HandlerBindings.none());
  }

  @Override
  public synchronized Optional<HandlerBinding> bindingFor(
      ApplicationKey application, BotEvent event) {
    return bindingsOf(application)
        .handlerFor(event)
        .map(url -> new HandlerBinding(ids.get(application).get(event), url));
  }

  @Override
  public synchronized void replace(ApplicationKey application, HandlerBindings all) {
    if (all.isEmpty()) {
      bindings.remove(application);
      ids.remove(application);
      return;
    }
    Map<BotEvent, Long> stored = ids.getOrDefault(application, Map.of());
    Map<BotEvent, Long> kept = new EnumMap<>(BotEvent.class);
    all.asMap()
        .keySet()
        .forEach(event -> kept.put(event, stored.getOrDefault(event, lastId.incrementAndGet())));
    bindings.put(application, all);
    ids.put(application, kept);
  }

  @Override
  public synchronized void removeAll(ApplicationKey application) {
    bindings.remove(application);
    ids.remove(application);
    commandHandlers.remove(application);
  }

  @Override
  public synchronized HandlerBinding bindCommandHandler(
      ApplicationKey application, HandlerUrl url) {
    HandlerBinding bound = commandHandlers.get(application);
    HandlerBinding binding =
        new HandlerBinding(bound == null ? lastId.incrementAndGet() : bound.id(), url);
    commandHandlers.put(application, binding);
    return binding;
  }

  @Override
  public synchronized Optional<HandlerBinding> commandHandlerOf(ApplicationKey application) {
    return Optional.ofNullable(commandHandlers.get(application));
  }

  @Override
  public synchronized Runnable snapshot() {
    Map<ApplicationKey, HandlerBindings> copy = new HashMap<>(bindings);
    Map<ApplicationKey, Map<BotEvent, Long>> idsCopy = new HashMap<>(ids);
    Map<ApplicationKey, HandlerBinding> commandCopy = new HashMap<>(commandHandlers);
    return () -> {
      synchronized (this) {
        bindings = copy;
        ids = idsCopy;
        commandHandlers = commandCopy;
      }
    };
  }
}
