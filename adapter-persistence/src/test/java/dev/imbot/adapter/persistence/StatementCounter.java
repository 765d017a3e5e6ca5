package dev.imbot.adapter.persistence;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Test support: counts the SQL statements executed through the context's data source (each {@code
 * execute…} call, a batch counting once), by wrapping the pool in a proxy.
 */
// First of the data source listeners, so Micronaut's contextual wrapper wraps this one and the
// transaction manager, which unwraps that wrapper, executes through the counting proxy.
@Order(Ordered.HIGHEST_PRECEDENCE)
@Singleton
public final class StatementCounter implements BeanCreatedEventListener<DataSource> {
  private static final Set<String> EXECUTIONS =
      Set.of(
          "execute",
          "executeQuery",
          "executeUpdate",
          "executeLargeUpdate",
          "executeBatch",
          "executeLargeBatch");

  private final AtomicLong executed = new AtomicLong();

  /** Statements executed so far. */
  public long count() {
    return executed.get();
  }

  /** Statements executed while {@code action} ran (on any thread of this context). */
  public long countDuring(Runnable action) {
    long before = executed.get();
    action.run();
    return executed.get() - before;
  }

  @Override
  public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
    return proxy(DataSource.class, event.getBean());
  }

  private <T> T proxy(Class<T> type, T target) {
    InvocationHandler handler =
        (self, method, args) -> {
          if (EXECUTIONS.contains(method.getName())) {
            executed.incrementAndGet();
          }
          Object result;
          try {
            result = method.invoke(target, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
          if (result instanceof PreparedStatement statement) {
            return proxy(PreparedStatement.class, statement);
          }
          if (result instanceof Statement statement) {
            return proxy(Statement.class, statement);
          }
          if (result instanceof Connection connection) {
            return proxy(Connection.class, connection);
          }
          return result;
        };
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
  }
}
