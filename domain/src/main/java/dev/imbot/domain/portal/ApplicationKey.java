package dev.imbot.domain.portal;

import dev.imbot.domain.common.Text;
import dev.imbot.domain.rejection.InvalidField;
import java.util.Optional;

/**
 * Identifies the application that owns bots: its client id for token auth, or {@code
 * custom<CLIENT_ID>} for calls through an inbound webhook.
 */
public record ApplicationKey(String value) {
  public static final int MAX_LENGTH = 128;
  static final String WEBHOOK_PREFIX = "custom";

  public ApplicationKey {
    if (Text.isBlank(value)) {
      throw new IllegalArgumentException("application key must not be blank");
    }
    if (Text.length(value) > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "application key must be at most " + MAX_LENGTH + " characters");
    }
  }

  public static ApplicationKey of(String value) {
    return new ApplicationKey(value);
  }

  /**
   * The application a webhook call names with {@code CLIENT_ID}. Missing or blank is {@link
   * AccessRejectionReason#CLIENT_ID_NOT_SPECIFIED} (imbot.register step 1).
   */
  public static ApplicationKey fromClientId(String clientId) {
    String trimmed = Text.trimToNull(clientId);
    if (trimmed == null) {
      throw AccessRejection.of(AccessRejectionReason.CLIENT_ID_NOT_SPECIFIED).toException();
    }
    int max = MAX_LENGTH - WEBHOOK_PREFIX.length();
    if (Text.length(trimmed) > max) {
      throw InvalidField.of("CLIENT_ID", "must be at most " + max + " characters").toException();
    }
    return new ApplicationKey(WEBHOOK_PREFIX + trimmed);
  }

  /**
   * The {@code CLIENT_ID} of a webhook-keyed application ({@code custom<CLIENT_ID>}); empty for a
   * local application, whose key is its client id.
   */
  public Optional<String> webhookClientId() {
    return value.startsWith(WEBHOOK_PREFIX) && value.length() > WEBHOOK_PREFIX.length()
        ? Optional.of(value.substring(WEBHOOK_PREFIX.length()))
        : Optional.empty();
  }

  @Override
  public String toString() {
    return value;
  }
}
