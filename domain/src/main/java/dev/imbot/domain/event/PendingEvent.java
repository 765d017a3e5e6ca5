package dev.imbot.domain.event;

import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.portal.UserId;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An event due to one handler of one application, as it is recorded in the unit of work that caused
 * it: everything of the body except what each attempt adds ({@code ts} and the {@code auth} blocks
 * of its {@link AuthSubjects}).
 *
 * @param application the application whose handler receives it
 * @param event the event's wire name, e.g. {@code ONIMBOTDELETE}
 * @param handlerBindingId the binding's id, sent as {@code event_handler_id} (0 for events recorded
 *     before bindings had ids)
 * @param handler where it goes
 * @param data the {@code data[...]} tree
 * @param subjects whose {@code auth} blocks the body carries
 * @param createdAt when it was recorded
 */
public record PendingEvent(
    ApplicationKey application,
    String event,
    long handlerBindingId,
    HandlerUrl handler,
    EventData data,
    AuthSubjects subjects,
    Instant createdAt) {
  /** How long an event name may be (the longest Bitrix24 names have about 25 characters). */
  public static final int MAX_EVENT_LENGTH = 64;

  private static final Pattern EVENT_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
  private static final Pattern BOT_ID = Pattern.compile("[1-9][0-9]{0,17}");

  public PendingEvent {
    Objects.requireNonNull(application, "application");
    if (event == null
        || event.length() > MAX_EVENT_LENGTH
        || !EVENT_NAME.matcher(event).matches()) {
      throw new IllegalArgumentException("not an event name: " + event);
    }
    if (handlerBindingId < 0) {
      throw new IllegalArgumentException("a handler binding id is never negative");
    }
    Objects.requireNonNull(handler, "handler");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(subjects, "subjects");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /**
   * The bots the event concerns, in order and without repeats: those whose blocks its body carries,
   * then the bot its data names in {@code BOT_ID} (the deleted bot of {@code ONIMBOTDELETE}). The
   * operator finds deliveries by them.
   */
  public List<UserId> botsConcerned() {
    return botsConcerned(data, subjects);
  }

  /** The bots an event with {@code data} and {@code subjects} concerns (see above). */
  public static List<UserId> botsConcerned(EventData data, AuthSubjects subjects) {
    LinkedHashSet<UserId> bots = new LinkedHashSet<>(subjects.bots());
    data.text("BOT_ID")
        .filter(id -> BOT_ID.matcher(id).matches())
        .ifPresent(id -> bots.add(UserId.of(Long.parseLong(id))));
    return List.copyOf(bots);
  }

  /** The event for {@code binding}, the binding's id and URL. */
  public static PendingEvent to(
      ApplicationKey application,
      String event,
      HandlerBinding binding,
      EventData data,
      AuthSubjects subjects,
      Instant createdAt) {
    return new PendingEvent(
        application, event, binding.id(), binding.url(), data, subjects, createdAt);
  }
}
