package dev.imbot.adapter.rest.method;

import dev.imbot.adapter.rest.BitrixCall;
import dev.imbot.adapter.rest.BitrixMethod;
import dev.imbot.adapter.rest.MethodResult;
import dev.imbot.application.port.in.portal.ApplicationEventsUseCase;
import dev.imbot.domain.portal.ApplicationEventBinding;
import dev.imbot.domain.rejection.InvalidField;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * REST methods {@code event.bind} ({@code true}), {@code event.unbind} ({@code {"count":n}}) and
 * {@code event.get} (a list of {@code event}, {@code handler}, {@code auth_type}, {@code offline})
 * for the application events this service emits. Lower-case parameter names, as Bitrix24 takes.
 */
public final class EventMethods {
  private EventMethods() {}

  static String text(BitrixCall call, String name) {
    String value = call.parameters().text(name);
    return value == null ? call.parameters().text(name.toUpperCase(java.util.Locale.ROOT)) : value;
  }

  static Long authType(BitrixCall call) {
    String value = text(call, "auth_type");
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw InvalidField.of("auth_type", "must be a user id or 0").toException();
    }
  }

  /** {@code event.bind}. */
  @Singleton
  public static final class Bind implements BitrixMethod {
    private final ApplicationEventsUseCase events;

    public Bind(ApplicationEventsUseCase events) {
      this.events = events;
    }

    @Override
    public String name() {
      return "event.bind";
    }

    @Override
    public MethodResult call(BitrixCall call) {
      events.bind(call.application(), text(call, "event"), text(call, "handler"), authType(call));
      return MethodResult.of(true);
    }
  }

  /** {@code event.unbind}. */
  @Singleton
  public static final class Unbind implements BitrixMethod {
    private final ApplicationEventsUseCase events;

    public Unbind(ApplicationEventsUseCase events) {
      this.events = events;
    }

    @Override
    public String name() {
      return "event.unbind";
    }

    @Override
    public MethodResult call(BitrixCall call) {
      int count = events.unbind(call.application(), text(call, "event"), text(call, "handler"));
      return MethodResult.of(Map.of("count", count));
    }
  }

  /** {@code event.get}. */
  @Singleton
  public static final class Get implements BitrixMethod {
    private final ApplicationEventsUseCase events;

    public Get(ApplicationEventsUseCase events) {
      this.events = events;
    }

    @Override
    public String name() {
      return "event.get";
    }

    @Override
    public MethodResult call(BitrixCall call) {
      List<Map<String, Object>> result =
          events.list(call.application()).stream().map(Get::entry).toList();
      return MethodResult.of(result);
    }

    private static Map<String, Object> entry(ApplicationEventBinding binding) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("event", binding.event().name());
      entry.put("handler", binding.handler());
      entry.put("auth_type", Long.toString(binding.authType()));
      entry.put("offline", 0);
      return entry;
    }
  }
}
