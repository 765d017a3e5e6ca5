package dev.imbot.domain.event;

import dev.imbot.domain.common.Text;
import dev.imbot.domain.portal.ApplicationKey;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An application's event handlers: at most one URL per {@link BotEvent}, shared by all the
 * application's bots. Registration and update bind handlers event by event; the last write wins.
 */
public final class HandlerBindings {
  private static final HandlerBindings NONE = new HandlerBindings(new EnumMap<>(BotEvent.class));

  private final Map<BotEvent, HandlerUrl> urls;

  private HandlerBindings(EnumMap<BotEvent, HandlerUrl> urls) {
    this.urls = Collections.unmodifiableMap(urls);
  }

  /** No handler bound. */
  public static HandlerBindings none() {
    return NONE;
  }

  /** Exactly the given handlers (for storage and tests). */
  public static HandlerBindings of(Map<BotEvent, HandlerUrl> urls) {
    EnumMap<BotEvent, HandlerUrl> copy = new EnumMap<>(BotEvent.class);
    urls.forEach(
        (event, url) -> copy.put(Objects.requireNonNull(event), Objects.requireNonNull(url)));
    return new HandlerBindings(copy);
  }

  /**
   * The handlers an {@code imbot.register} call binds, checked in the order of imbot.register steps
   * 2–6. {@code EVENT_HANDLER}, when given, stands for all five events. The three required events
   * must have a handler; message update/delete are validated when given but bound only for a bot
   * that hears edits ({@link BotEvent#boundAtRegistration}).
   *
   * @param eventHandler the raw {@code EVENT_HANDLER}, null when not sent
   * @param handlers the raw {@code EVENT_*} values by event; missing or blank means not given
   * @param botHearsEdits whether the bot hears message edits and deletions (supervisor and Open
   *     Lines bots)
   */
  public static HandlerBindings forRegistration(
      String eventHandler, Map<BotEvent, String> handlers, boolean botHearsEdits) {
    EnumMap<BotEvent, HandlerUrl> bound = new EnumMap<>(BotEvent.class);
    HandlerUrl previous = null;
    for (BotEvent event : BotEvent.inCheckOrder()) {
      String raw = given(eventHandler, handlers, event);
      if (raw == null) {
        if (event.requiredAtRegistration()) {
          throw HandlerRejection.of(HandlerRejectionReason.HANDLER_NOT_SPECIFIED, event)
              .toException();
        }
        continue;
      }
      HandlerUrl url = parsed(raw, event, previous);
      previous = url;
      if (event.boundAtRegistration(botHearsEdits)) {
        bound.put(event, url);
      }
    }
    return new HandlerBindings(bound);
  }

  /**
   * The handlers an {@code imbot.update} call binds: every handler given, for every bot type,
   * checked in event order; {@code EVENT_HANDLER} stands for all five.
   */
  public static HandlerBindings forUpdate(String eventHandler, Map<BotEvent, String> handlers) {
    EnumMap<BotEvent, HandlerUrl> bound = new EnumMap<>(BotEvent.class);
    HandlerUrl previous = null;
    for (BotEvent event : BotEvent.inCheckOrder()) {
      String raw = given(eventHandler, handlers, event);
      if (raw != null) {
        previous = parsed(raw, event, previous);
        bound.put(event, previous);
      }
    }
    return new HandlerBindings(bound);
  }

  /**
   * {@code raw} parsed for {@code event}, or the URL parsed for the event before when it is the
   * same text: {@code EVENT_HANDLER} stands for every event, and parsing a URL (twice: here and in
   * its constructor) took a few percent of a registration's CPU.
   */
  private static HandlerUrl parsed(String raw, BotEvent event, HandlerUrl previous) {
    if (previous != null && previous.value().equals(raw.strip())) {
      return previous;
    }
    return HandlerUrl.parse(raw, event);
  }

  private static String given(String eventHandler, Map<BotEvent, String> handlers, BotEvent event) {
    if (!Text.isBlank(eventHandler)) {
      return eventHandler;
    }
    String raw = handlers.get(event);
    return Text.isBlank(raw) ? null : raw;
  }

  /**
   * These bindings as {@code application} binds them: a webhook-keyed application's handlers with
   * its {@code CLIENT_ID} appended ({@link HandlerUrl#withClientIdOf}), refused with the event's
   * handler error should that make one too long.
   */
  public HandlerBindings boundFor(ApplicationKey application) {
    if (application.webhookClientId().isEmpty()) {
      return this;
    }
    EnumMap<BotEvent, HandlerUrl> bound = new EnumMap<>(BotEvent.class);
    urls.forEach(
        (event, url) ->
            bound.put(
                event,
                HandlerUrl.parse(HandlerUrl.withClientIdOf(url.value(), application), event)));
    return new HandlerBindings(bound);
  }

  /** These bindings with {@code newer}'s handlers replacing ours event by event. */
  public HandlerBindings rebind(HandlerBindings newer) {
    EnumMap<BotEvent, HandlerUrl> merged = new EnumMap<>(BotEvent.class);
    merged.putAll(urls);
    merged.putAll(newer.urls);
    return new HandlerBindings(merged);
  }

  /** The handler bound to {@code event}, if any. */
  public Optional<HandlerUrl> handlerFor(BotEvent event) {
    return Optional.ofNullable(urls.get(event));
  }

  /** All bound handlers, in event order. */
  public Map<BotEvent, HandlerUrl> asMap() {
    return urls;
  }

  public boolean isEmpty() {
    return urls.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HandlerBindings other && urls.equals(other.urls);
  }

  @Override
  public int hashCode() {
    return urls.hashCode();
  }

  @Override
  public String toString() {
    return "HandlerBindings" + urls;
  }
}
