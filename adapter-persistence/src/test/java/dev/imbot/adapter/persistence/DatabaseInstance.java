package dev.imbot.adapter.persistence;

import io.micronaut.context.ApplicationContext;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * Test support: one "instance" of the service's persistence, an application context with its own
 * connection pool on a database URL. Two instances on one URL behave like two service instances.
 */
public final class DatabaseInstance implements AutoCloseable {
  private final ApplicationContext context;

  private DatabaseInstance(ApplicationContext context) {
    this.context = context;
  }

  /** Starts a context on {@code url}, migrating the schema (Flyway) on the way. */
  public static DatabaseInstance start(String url, Map<String, Object> extra) {
    Map<String, Object> properties = new java.util.HashMap<>(extra);
    properties.put("datasources.default.url", url);
    properties.put("flyway.datasources.default.enabled", true);
    properties.put("flyway.datasources.default.locations", PersistenceDefaults.FLYWAY_LOCATIONS);
    ApplicationContext context = ApplicationContext.run(properties);
    try {
      DatabaseInstance instance = new DatabaseInstance(context);
      instance.bots(); // creates the data source, which runs the migrations
      return instance;
    } catch (RuntimeException e) {
      context.close();
      throw e;
    }
  }

  public static DatabaseInstance start(String url) {
    return start(url, Map.of());
  }

  public JdbcBots bots() {
    return context.getBean(JdbcBots.class);
  }

  public JdbcApplicationHandlers handlers() {
    return context.getBean(JdbcApplicationHandlers.class);
  }

  public JdbcPortalUsers users() {
    return context.getBean(JdbcPortalUsers.class);
  }

  public JdbcPeople people() {
    return context.getBean(JdbcPeople.class);
  }

  public JdbcOAuthTokens tokens() {
    return context.getBean(JdbcOAuthTokens.class);
  }

  public JdbcAccessTokenHolders accessTokenHolders() {
    return context.getBean(JdbcAccessTokenHolders.class);
  }

  public JdbcApplicationEventBindings eventBindings() {
    return context.getBean(JdbcApplicationEventBindings.class);
  }

  public JdbcPortalSettings settings() {
    return context.getBean(JdbcPortalSettings.class);
  }

  public JdbcClientApplications applications() {
    return context.getBean(JdbcClientApplications.class);
  }

  public JdbcInboundWebhooks webhooks() {
    return context.getBean(JdbcInboundWebhooks.class);
  }

  public JdbcEventOutbox outbox() {
    return context.getBean(JdbcEventOutbox.class);
  }

  public JdbcDueDeliveries dueDeliveries() {
    return context.getBean(JdbcDueDeliveries.class);
  }

  public JdbcDeliveryLog deliveryLog() {
    return context.getBean(JdbcDeliveryLog.class);
  }

  /** Records {@code event} as the use cases do, in a unit of work of its own; its delivery id. */
  public long enqueue(dev.imbot.domain.event.PendingEvent event) {
    return unitOfWork().run(() -> outbox().enqueue(event));
  }

  public JdbcSigningSecrets signingSecrets() {
    return context.getBean(JdbcSigningSecrets.class);
  }

  public JdbcUnitOfWork unitOfWork() {
    return context.getBean(JdbcUnitOfWork.class);
  }

  public StatementCounter statements() {
    return context.getBean(StatementCounter.class);
  }

  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  /** Runs SQL in a transaction of its own (test arrangement and inspection). */
  public <T> T sql(SqlWork<T> work) {
    TransactionOperations<Connection> transactions = context.getBean(Database.class).transactions();
    return transactions.executeWrite(
        status -> {
          try {
            return work.apply(status.getConnection());
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  /** Counts the rows of {@code table}. */
  public long count(String table) {
    return sql(
        connection -> {
          try (Statement statement = connection.createStatement();
              var rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  /** Deletes every row and restarts the id sequences: an empty, freshly migrated schema. */
  public void wipe() {
    sql(
        connection -> {
          try (Statement statement = connection.createStatement()) {
            for (String sql :
                new String[] {
                  "DELETE FROM audit_entry",
                  "DELETE FROM message_delivery",
                  "DELETE FROM message",
                  "DELETE FROM chat_member",
                  "DELETE FROM chat",
                  "ALTER SEQUENCE chat_id_seq RESTART WITH 1",
                  "ALTER SEQUENCE message_id_seq RESTART WITH 1",
                  "DELETE FROM event_delivery",
                  "DELETE FROM delivery_attempt",
                  "DELETE FROM delivery_bot",
                  "DELETE FROM signing_secret",
                  "DELETE FROM inbound_webhook",
                  "DELETE FROM handler_binding",
                  "DELETE FROM bot",
                  "DELETE FROM portal_user",
                  "DELETE FROM oauth_token",
                  "DELETE FROM application_event_binding",
                  "DELETE FROM portal_setting",
                  "DELETE FROM application",
                  "ALTER SEQUENCE portal_user_id_seq RESTART WITH 1",
                  "ALTER TABLE handler_binding ALTER COLUMN id RESTART WITH 1",
                  "ALTER TABLE inbound_webhook ALTER COLUMN id RESTART WITH 1"
                }) {
              statement.execute(sql);
            }
          }
          return null;
        });
  }

  @Override
  public void close() {
    context.close();
  }

  /** JDBC work on a plain connection. */
  @FunctionalInterface
  public interface SqlWork<T> {
    T apply(Connection connection) throws SQLException;
  }
}
