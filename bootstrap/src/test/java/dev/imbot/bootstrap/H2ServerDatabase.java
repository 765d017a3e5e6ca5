package dev.imbot.bootstrap;

import dev.imbot.adapter.persistence.PersistenceDefaults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.h2.tools.Server;

/**
 * Test support: an H2 database behind H2's TCP server in the test's JVM, so a test can take the
 * database away from a running service (stop the server) and bring it back on the same port.
 */
final class H2ServerDatabase extends ServiceDatabase {
  private final Path directory;
  private final int port;
  private Server server;

  private H2ServerDatabase(Path directory, int port) {
    this.directory = directory;
    this.port = port;
  }

  /** A database server on a free port, already started. */
  static H2ServerDatabase started(Path directory) {
    H2ServerDatabase database = new H2ServerDatabase(directory, freePort());
    database.start();
    return database;
  }

  /** (Re)starts the server on its port. */
  void start() {
    try {
      server =
          Server.createTcpServer(
                  "-tcpPort",
                  Integer.toString(port),
                  "-ifNotExists",
                  "-baseDir",
                  directory.toAbsolutePath().toString())
              .start();
    } catch (SQLException e) {
      throw new IllegalStateException("H2 server did not start on port " + port, e);
    }
  }

  /** Stops the server, closing every connection to it: the database is gone for its clients. */
  void stop() {
    server.stop();
  }

  private String url() {
    return "jdbc:h2:tcp://127.0.0.1:" + port + "/imbot" + PersistenceDefaults.H2_SETTINGS;
  }

  @Override
  Map<String, Object> properties() {
    return Map.of(
        "datasources.default.url", url(),
        "datasources.default.username", "sa",
        "datasources.default.password", "");
  }

  @Override
  Map<String, String> environment() {
    return Map.of("DATASOURCES_DEFAULT_URL", url());
  }

  @Override
  Connection connect() throws SQLException {
    return DriverManager.getConnection(url(), "sa", "");
  }

  @Override
  public void close() {
    if (server != null) {
      server.stop();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
