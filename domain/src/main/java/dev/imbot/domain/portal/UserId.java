package dev.imbot.domain.portal;

/**
 * A portal user's id, a person's or a bot's alike: people and bots share one id space. Always
 * positive.
 */
public record UserId(long value) implements Comparable<UserId> {

  public UserId {
    if (value <= 0) {
      throw new IllegalArgumentException("a user id must be positive, was " + value);
    }
  }

  public static UserId of(long value) {
    return new UserId(value);
  }

  @Override
  public int compareTo(UserId other) {
    return Long.compare(value, other.value);
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
