package dev.imbot.domain.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One delivery with everything the operator may ask about it: where it stands, its attempt log in
 * order, and its body.
 *
 * @param delivery where it stands
 * @param head the stored fields of its body, sent unchanged by every attempt: {@code event}, {@code
 *     event_handler_id}, {@code data[...]}
 * @param auth the {@code auth[...]} fields as an attempt made now would render them
 * @param attempts its attempt log, oldest first, every series
 */
public record DeliveryDetails(
    DeliveryRecord delivery, FormFields head, FormFields auth, List<LoggedAttempt> attempts) {

  /** What stands for a secret's value in a body shown to the operator. */
  public static final String HIDDEN = "(hidden)";

  /** The body fields that carry secrets (the last bracket key of the field's name). */
  private static final Set<String> SECRET_KEYS =
      Set.of("application_token", "access_token", "refresh_token", "client_secret");

  public DeliveryDetails {
    Objects.requireNonNull(delivery, "delivery");
    Objects.requireNonNull(head, "head");
    Objects.requireNonNull(auth, "auth");
    attempts = List.copyOf(attempts);
  }

  /** The last attempt made, if any. */
  public java.util.Optional<LoggedAttempt> lastAttempt() {
    return attempts.isEmpty()
        ? java.util.Optional.empty()
        : java.util.Optional.of(attempts.get(attempts.size() - 1));
  }

  /**
   * The body as the last attempt sent it, field by field in order, or as an attempt at {@code now}
   * would when none was made: the stored fields, {@code ts} of that attempt, then the {@code auth}
   * block, its secrets shown as {@value #HIDDEN} (they are the application's, shown once).
   */
  public FormFields body(Instant now) {
    Instant sentAt = lastAttempt().map(a -> a.attempt().startedAt()).orElse(now);
    FormFields.Builder body =
        FormFields.builder().addAll(head).add("ts", Long.toString(sentAt.getEpochSecond()));
    for (FormFields.Field field : auth.fields()) {
      body.add(field.name(), isSecret(field.name()) ? HIDDEN : field.value());
    }
    return body.build();
  }

  /** Whether the field {@code name} carries a secret ({@code auth[application_token]}, …). */
  public static boolean isSecret(String name) {
    int open = name.lastIndexOf('[');
    String key =
        open >= 0 && name.endsWith("]") ? name.substring(open + 1, name.length() - 1) : name;
    return SECRET_KEYS.contains(key);
  }
}
