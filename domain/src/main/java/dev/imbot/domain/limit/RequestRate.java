package dev.imbot.domain.limit;

/**
 * Bitrix24's request-rate limit as a leaky bucket: {@code burst} requests fit in it, and it drains
 * {@code perSecond} requests each second (50 and 2 on Bitrix24 cloud, 250 and 5 on Enterprise).
 */
public record RequestRate(int burst, int perSecond) {
  /** Bitrix24 cloud's limit. */
  public static final RequestRate BITRIX24_CLOUD = new RequestRate(50, 2);

  public RequestRate {
    if (burst < 1) {
      throw new IllegalArgumentException("burst must be at least 1, was " + burst);
    }
    if (perSecond < 1) {
      throw new IllegalArgumentException("perSecond must be at least 1, was " + perSecond);
    }
  }
}
