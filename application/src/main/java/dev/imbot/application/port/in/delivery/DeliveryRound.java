package dev.imbot.application.port.in.delivery;

/**
 * What one round did.
 *
 * @param claimed how many deliveries the round claimed
 * @param started how many of them it started an attempt for, or holds for a slot of their host; the
 *     others it gave back (their host busy or failing, or their application not installed)
 */
public record DeliveryRound(int claimed, int started) {

  public static DeliveryRound none() {
    return new DeliveryRound(0, 0);
  }
}
