package dev.imbot.application.port.out.health;

/** Outgoing port: one cheap round trip to the database; throws when it cannot be reached. */
public interface DatabaseProbe {

  void ping();
}
