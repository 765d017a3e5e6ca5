package dev.imbot.application.port.in.delivery;

/**
 * Query: the health of every handler URL with attempts in the last hour.
 *
 * @param application only this application's handlers; null for all
 */
public record ReadHandlerHealthQuery(String application) {
  public static ReadHandlerHealthQuery all() {
    return new ReadHandlerHealthQuery(null);
  }
}
