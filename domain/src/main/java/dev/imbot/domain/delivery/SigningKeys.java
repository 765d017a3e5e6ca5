package dev.imbot.domain.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The secrets an application's deliveries are signed with: the current one, and after a rotation
 * the previous one until its grace period ends, so a handler still holding the old secret keeps
 * verifying while it switches.
 *
 * @param current signs every delivery
 * @param previous the secret before the last rotation, null when none
 * @param previousUntil when {@code previous} stops signing, null when there is none
 */
public record SigningKeys(SigningSecret current, SigningSecret previous, Instant previousUntil) {
  /** How long a rotated-out secret keeps signing. */
  public static final Duration ROTATION_GRACE = Duration.ofHours(24);

  public SigningKeys {
    Objects.requireNonNull(current, "current");
    if ((previous == null) != (previousUntil == null)) {
      throw new IllegalArgumentException("a previous secret has an end, and only then");
    }
  }

  public static SigningKeys of(SigningSecret current) {
    return new SigningKeys(current, null, null);
  }

  /**
   * {@code next} becomes current; the current one signs beside it for 24 hours from {@code now}.
   */
  public SigningKeys rotateTo(SigningSecret next, Instant now) {
    return new SigningKeys(next, current, now.plus(ROTATION_GRACE));
  }

  /**
   * The secrets that sign at {@code now}, in the order their signatures are written into {@code
   * webhook-signature}: the current one, then the previous one while in its grace period.
   */
  public List<SigningSecret> signingAt(Instant now) {
    return previous != null && now.isBefore(previousUntil)
        ? List.of(current, previous)
        : List.of(current);
  }
}
