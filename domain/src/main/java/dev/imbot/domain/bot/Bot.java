package dev.imbot.domain.bot;

import dev.imbot.domain.portal.ApplicationKey;
import dev.imbot.domain.rejection.RequestRejectionReason;
import java.time.Instant;
import java.util.Objects;

/**
 * Aggregate: a chat bot owned by one application. Immutable; {@link #register} checks every rule of
 * a new bot, {@link #reconstitute} rebuilds one from storage, {@link #update} returns the changed
 * bot.
 */
public final class Bot {
  private final BotId id;
  private final ApplicationKey application;
  private final BotCode code;
  private final BotType type;
  private final boolean openLines;
  private final BotProfile profile;
  private final Instant registeredAt;

  private Bot(
      BotId id,
      ApplicationKey application,
      BotCode code,
      BotType type,
      boolean openLines,
      BotProfile profile,
      Instant registeredAt) {
    this.id = Objects.requireNonNull(id, "id");
    this.application = Objects.requireNonNull(application, "application");
    this.code = Objects.requireNonNull(code, "code");
    this.type = Objects.requireNonNull(type, "type");
    this.openLines = openLines;
    this.profile = Objects.requireNonNull(profile, "profile");
    this.registeredAt = Objects.requireNonNull(registeredAt, "registeredAt");
    if (type == BotType.OPEN_LINES && !openLines) {
      throw new IllegalArgumentException("an Open Lines bot must have Open Lines on");
    }
  }

  /** A new bot from a checked registration, with the id the portal allocated for it. */
  public static Bot register(
      BotId id, ApplicationKey application, BotRegistration registration, Instant now) {
    return new Bot(
        id,
        application,
        registration.code(),
        registration.type(),
        registration.openLines(),
        registration.profile(),
        now);
  }

  /** A bot as it was stored. Only persistence adapters should need this. */
  public static Bot reconstitute(
      BotId id,
      ApplicationKey application,
      BotCode code,
      BotType type,
      boolean openLines,
      BotProfile profile,
      Instant registeredAt) {
    return new Bot(id, application, code, type, openLines, profile, registeredAt);
  }

  /**
   * This bot with a checked update applied: the new code if any, the profile fields merged. Type
   * and Open Lines never change. Invalid profile values are refused here ({@link
   * RequestRejectionReason#FIELD_INVALID}), since merging needs the stored profile.
   */
  public Bot update(BotUpdate update) {
    BotCode newCode = update.code().orElse(code);
    BotProfile newProfile = profile.mergedWith(update.profileFields(), "PROPERTIES");
    return new Bot(id, application, newCode, type, openLines, newProfile, registeredAt);
  }

  /** What lists and the registration policies need of this bot. */
  public BotSummary summary() {
    return new BotSummary(id, application, code, type, profile.fullName(), openLines);
  }

  /** Whether the bot belongs to {@code other}. */
  public boolean belongsTo(ApplicationKey other) {
    return application.equals(other);
  }

  public BotId id() {
    return id;
  }

  public ApplicationKey application() {
    return application;
  }

  public BotCode code() {
    return code;
  }

  public BotType type() {
    return type;
  }

  /**
   * Whether Open Lines support is on ({@code OPENLINE=Y}); always true for {@link
   * BotType#OPEN_LINES}.
   */
  public boolean openLines() {
    return openLines;
  }

  public BotProfile profile() {
    return profile;
  }

  public Instant registeredAt() {
    return registeredAt;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bot other
        && id.equals(other.id)
        && application.equals(other.application)
        && code.equals(other.code)
        && type == other.type
        && openLines == other.openLines
        && profile.equals(other.profile)
        && registeredAt.equals(other.registeredAt);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return "Bot[" + id + ", " + application + ", " + code + ", " + type.letter() + "]";
  }
}
