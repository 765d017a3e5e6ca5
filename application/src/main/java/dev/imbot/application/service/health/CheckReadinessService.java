package dev.imbot.application.service.health;

import dev.imbot.application.port.in.health.CheckReadinessUseCase;
import dev.imbot.application.port.in.health.Readiness;
import dev.imbot.application.port.out.health.DatabaseProbe;

/** Service: ready when the database answers a probe. */
public final class CheckReadinessService implements CheckReadinessUseCase {
  private static final System.Logger LOG = System.getLogger(CheckReadinessService.class.getName());

  private final DatabaseProbe database;

  public CheckReadinessService(DatabaseProbe database) {
    this.database = database;
  }

  @Override
  public Readiness check() {
    try {
      database.ping();
      return Readiness.READY;
    } catch (RuntimeException unreachable) {
      LOG.log(System.Logger.Level.WARNING, "not ready, database unreachable: {0}", unreachable);
      return Readiness.DATABASE_UNREACHABLE;
    }
  }
}
