package dev.imbot.domain.bot;

import dev.imbot.domain.common.Text;
import dev.imbot.domain.portal.Email;
import dev.imbot.domain.portal.Gender;
import dev.imbot.domain.rejection.InvalidField;
import dev.imbot.domain.rejection.RejectedException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A bot's profile, stored whole with its decoded avatar. Invariants: at least one of name and last
 * name is present; present texts are trimmed, non-blank and within Bitrix24's column sizes. Absent
 * optional fields are null.
 */
public record BotProfile(
    String name,
    String lastName,
    Color color,
    Email email,
    LocalDate birthday,
    String workPosition,
    String personalWww,
    Gender gender,
    Avatar avatar) {

  public static final int MAX_NAME_LENGTH = 50;
  public static final int MAX_TEXT_LENGTH = 255;

  private static final Pattern BIRTHDAY_SHAPE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

  public BotProfile {
    requireText(name, "NAME", MAX_NAME_LENGTH);
    requireText(lastName, "LAST_NAME", MAX_NAME_LENGTH);
    if (name == null && lastName == null) {
      throw new IllegalArgumentException("NAME or LAST_NAME must be given");
    }
    requireText(workPosition, "WORK_POSITION", MAX_TEXT_LENGTH);
    requireText(personalWww, "PERSONAL_WWW", MAX_TEXT_LENGTH);
  }

  private static void requireText(String value, String field, int maxLength) {
    if (value == null) {
      return;
    }
    if (value.isBlank() || !value.equals(value.strip())) {
      throw new IllegalArgumentException(field + " must be trimmed and non-blank, or absent");
    }
    if (Text.length(value) > maxLength) {
      throw new IllegalArgumentException(field + " must be at most " + maxLength + " characters");
    }
  }

  /** A profile with just a first name. */
  public static BotProfile named(String name) {
    return new BotProfile(name, null, null, null, null, null, null, null, null);
  }

  /**
   * Refuses {@code properties} with {@link BotRejectionReason#NAME_NOT_SPECIFIED} unless it has a
   * non-blank {@code NAME} or {@code LAST_NAME} (imbot.register step 8; null means {@code
   * PROPERTIES} was not sent).
   */
  public static void requireName(Map<String, String> properties) {
    if (properties == null
        || Text.isBlank(properties.get(ProfileField.NAME.key()))
            && Text.isBlank(properties.get(ProfileField.LAST_NAME.key()))) {
      throw BotRejection.of(BotRejectionReason.NAME_NOT_SPECIFIED).toException();
    }
  }

  /**
   * Reads a new bot's profile from the raw {@code PROPERTIES} of {@code imbot.register}: the name
   * rule first, then each field in {@link ProfileField} order. Unknown keys are ignored; blank
   * values mean "not given".
   *
   * @param prefix the wire name of the properties, used to name a field in errors
   */
  public static BotProfile fromProperties(Map<String, String> properties, String prefix) {
    requireName(properties);
    Builder profile = new Builder();
    for (ProfileField field : ProfileField.values()) {
      String raw = properties.get(field.key());
      if (!Text.isBlank(raw)) {
        profile.set(field, raw, prefix);
      }
    }
    return profile.build();
  }

  /**
   * This profile with the {@code sent} fields of {@code imbot.update} merged in: a sent field
   * replaces the stored one, an unsent one stays. A blank {@code NAME} is ignored; a blank value
   * clears any other field, except a {@code LAST_NAME} whose clearing would leave no name. {@link
   * BotRejectionReason#NAME_NOT_SPECIFIED} only when both names are sent and both are blank.
   */
  public BotProfile mergedWith(Map<String, String> sent, String prefix) {
    requireNamesNotBothBlanked(sent);
    Builder merged = new Builder(this);
    for (ProfileField field : ProfileField.values()) {
      if (!sent.containsKey(field.key())) {
        continue;
      }
      String raw = sent.get(field.key());
      if (!Text.isBlank(raw)) {
        merged.set(field, raw, prefix);
      } else if (field == ProfileField.LAST_NAME) {
        if (merged.name != null) {
          merged.lastName = null;
        }
      } else if (field != ProfileField.NAME) {
        merged.clear(field);
      }
    }
    return merged.build();
  }

  /**
   * Refuses an update that sends both {@code NAME} and {@code LAST_NAME} blank with {@link
   * BotRejectionReason#NAME_NOT_SPECIFIED}.
   */
  public static void requireNamesNotBothBlanked(Map<String, String> sent) {
    String nameKey = ProfileField.NAME.key();
    String lastNameKey = ProfileField.LAST_NAME.key();
    if (sent.containsKey(nameKey)
        && sent.containsKey(lastNameKey)
        && Text.isBlank(sent.get(nameKey))
        && Text.isBlank(sent.get(lastNameKey))) {
      throw BotRejection.of(BotRejectionReason.NAME_NOT_SPECIFIED).toException();
    }
  }

  /** Whether {@code properties} names any field this profile knows. */
  public static boolean mentionsAnyField(Map<String, String> properties) {
    return properties != null
        && Stream.of(ProfileField.values()).anyMatch(f -> properties.containsKey(f.key()));
  }

  /** Name and last name joined by a space, blank parts left out (as {@code imbot.bot.list}). */
  public String fullName() {
    return fullName(name, lastName);
  }

  /** {@code name} and {@code lastName} joined by a space, absent (null) parts left out. */
  public static String fullName(String name, String lastName) {
    if (name == null) {
      return lastName == null ? "" : lastName;
    }
    return lastName == null ? name : name + " " + lastName;
  }

  public Optional<Email> emailAddress() {
    return Optional.ofNullable(email);
  }

  /** Collects field values while parsing; each setter checks one field's wire rule. */
  private static final class Builder {
    private String name;
    private String lastName;
    private Color color;
    private Email email;
    private LocalDate birthday;
    private String workPosition;
    private String personalWww;
    private Gender gender;
    private Avatar avatar;

    Builder() {}

    Builder(BotProfile from) {
      name = from.name;
      lastName = from.lastName;
      color = from.color;
      email = from.email;
      birthday = from.birthday;
      workPosition = from.workPosition;
      personalWww = from.personalWww;
      gender = from.gender;
      avatar = from.avatar;
    }

    void set(ProfileField field, String raw, String prefix) {
      String wire = field.wireName(prefix);
      String value = raw.strip();
      switch (field) {
        case NAME -> name = limited(value, MAX_NAME_LENGTH, wire);
        case LAST_NAME -> lastName = limited(value, MAX_NAME_LENGTH, wire);
        case COLOR ->
            color =
                Color.fromWire(value)
                    .orElseThrow(() -> invalid(wire, "must be one of " + Color.WIRE_NAMES));
        case EMAIL -> {
          if (Text.length(value) > Email.MAX_LENGTH) {
            throw invalid(wire, "must be at most " + Email.MAX_LENGTH + " characters");
          }
          if (!Email.isValid(value)) {
            throw invalid(wire, "must be a valid e-mail address");
          }
          email = new Email(value);
        }
        case PERSONAL_BIRTHDAY -> birthday = birthday(value, wire);
        case WORK_POSITION -> workPosition = limited(value, MAX_TEXT_LENGTH, wire);
        case PERSONAL_WWW -> personalWww = limited(value, MAX_TEXT_LENGTH, wire);
        case PERSONAL_GENDER ->
            gender =
                Gender.fromWire(value).orElseThrow(() -> invalid(wire, "must be M, F or empty"));
        case PERSONAL_PHOTO -> avatar = Avatar.fromBase64(value, wire);
      }
    }

    void clear(ProfileField field) {
      switch (field) {
        case NAME -> name = null;
        case LAST_NAME -> lastName = null;
        case COLOR -> color = null;
        case EMAIL -> email = null;
        case PERSONAL_BIRTHDAY -> birthday = null;
        case WORK_POSITION -> workPosition = null;
        case PERSONAL_WWW -> personalWww = null;
        case PERSONAL_GENDER -> gender = null;
        case PERSONAL_PHOTO -> avatar = null;
      }
    }

    BotProfile build() {
      return new BotProfile(
          name, lastName, color, email, birthday, workPosition, personalWww, gender, avatar);
    }

    private static String limited(String value, int max, String wire) {
      if (Text.length(value) > max) {
        throw invalid(wire, "must be at most " + max + " characters");
      }
      return value;
    }

    private static LocalDate birthday(String value, String wire) {
      // The year pattern alone would also take a signed year such as -2016.
      if (!BIRTHDAY_SHAPE.matcher(value).matches()) {
        throw invalid(wire, "must be a real date as YYYY-MM-DD");
      }
      // The shape is fixed, so the fields are read by position: a formatter's parse costs far
      // more, and LocalDate.of refuses what the strict formatter refused (2016-02-30).
      try {
        return LocalDate.of(
            Integer.parseInt(value, 0, 4, 10),
            Integer.parseInt(value, 5, 7, 10),
            Integer.parseInt(value, 8, 10, 10));
      } catch (DateTimeException e) {
        throw invalid(wire, "must be a real date as YYYY-MM-DD");
      }
    }

    private static RejectedException invalid(String wire, String rule) {
      return InvalidField.of(wire, rule).toException();
    }
  }
}
